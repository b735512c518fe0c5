/** Types derived from the contract table; nothing here is written per channel. */
import type { z } from 'zod';
import type { contract, events, ipcErrorSchema } from './contract';

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export type Events = typeof events;
export type EventChannel = keyof Events;
export type EventOf<E extends EventChannel> = z.output<Events[E]>;

export type IpcErrorShape = z.output<typeof ipcErrorSchema>;
export type IpcErrorCode = IpcErrorShape['code'];
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcErrorShape };

/** What the preload exposes on window.personaStudio, and what browser mode provides the same way. */
export interface PersonaStudioBridge {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

export type { WorkshopSummary, RunSummary, RunDetail, GenerationProgress, ProgressPhase } from '../workshop';
export type { ValidationStatsSnapshot } from '../performance';
export type { Alert, AuditEntry, HistoryPoint, LiveMetrics, MonitorSuggestion, PerformanceScore, Trace, TunerState } from '../metrics';
