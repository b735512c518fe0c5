/**
 * The monitoring module: traces, metrics, alerts, the auto-tuner, the emergency response and the controls they turn.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { createControls } from './controls';
export { MonitorStore } from './monitor-store';
export { Monitor } from './monitor';
export type { MonitorDeps } from './monitor';
export type { AnswerTiming, EngineAnswerTimes } from './answer-times';
