/**
 * Per-engine figures of a minute, kept beside the global counters in each rollup (as `engines`): the
 * engine's own calls, runs, personas, fallbacks and validation, and its times. Rollups written before
 * these existed have no `engines` and read as no per-engine data, never as zeros.
 */
import { z } from 'zod';
import type { FinishedRun } from '../generation';
import type { CallEvent } from '../scheduler';
import { LogHistogram } from './log-histogram';

export const ENGINE_COUNTERS = [
  /** Calls the scheduler ran for the engine (generate and ask), or the embedded engine's own runs. */
  'calls',
  'callErrors',
  'timeouts',
  /** Generations that ended (cancelled ones left out), and how many of them failed. */
  'runs',
  'runErrors',
  /** Personas the engine was asked for by runs that did not come from the cache, and those the offline engine wrote instead. */
  'asked',
  'fallbackPersonas',
  /** Personas delivered by completed runs, cached ones included (what resource efficiency counts). */
  'delivered',
  /** Answers through validation, those that gave a document, and the repaired and filled personas among those validated. */
  'answers',
  'succeeded',
  'validated',
  'repaired',
  'filled',
] as const;
export type EngineCounter = (typeof ENGINE_COUNTERS)[number];

const storedHistogram = z.object({ b: z.array(z.number()), s: z.number(), m: z.number() });

export const engineMinuteSchema = z.object({
  c: z.partialRecord(z.enum(ENGINE_COUNTERS), z.number().min(0)),
  /** The embedded engine's run times (remote engines' call times are in the rollup's `calls`). */
  lat: storedHistogram.optional(),
  /** Time to the first token of streamed answers. */
  ft: storedHistogram.optional(),
});
export type StoredEngineMinute = z.infer<typeof engineMinuteSchema>;

export class EngineMinute {
  readonly counters: Partial<Record<EngineCounter, number>> = {};
  readonly latency = new LogHistogram();
  readonly firstToken = new LogHistogram();

  add(counter: EngineCounter, n = 1): void {
    if (n > 0) this.counters[counter] = (this.counters[counter] ?? 0) + n;
  }

  count(counter: EngineCounter): number {
    return this.counters[counter] ?? 0;
  }

  absorb(stored: StoredEngineMinute): void {
    for (const [name, n] of Object.entries(stored.c) as Array<[EngineCounter, number]>) this.add(name, n);
    this.latency.merge(LogHistogram.from(stored.lat));
    this.firstToken.merge(LogHistogram.from(stored.ft));
  }

  toStored(): StoredEngineMinute {
    return {
      c: { ...this.counters },
      ...(this.latency.count ? { lat: this.latency.toStored() } : {}),
      ...(this.firstToken.count ? { ft: this.firstToken.toStored() } : {}),
    };
  }
}

/** The engines of a minute (or of merged minutes), by provider id. */
export class EngineMinutes {
  readonly byEngine = new Map<string, EngineMinute>();

  of(engine: string): EngineMinute {
    let minute = this.byEngine.get(engine);
    if (!minute) this.byEngine.set(engine, (minute = new EngineMinute()));
    return minute;
  }

  absorb(stored: Record<string, StoredEngineMinute> | undefined): void {
    for (const [engine, minute] of Object.entries(stored ?? {})) this.of(engine).absorb(minute);
  }

  get empty(): boolean {
    return this.byEngine.size === 0;
  }

  /** As a rollup stores it; undefined when no engine did anything, so rollups keep their old shape. */
  toStored(): Record<string, StoredEngineMinute> | undefined {
    return this.empty ? undefined : Object.fromEntries([...this.byEngine].map(([engine, minute]) => [engine, minute.toStored()]));
  }
}

/** A finished run, counted for its engine; the embedded engine's run is also its call (it has no scheduler calls). */
export function countRun(minute: EngineMinute, run: FinishedRun, embedded: boolean): void {
  if (run.outcome === 'cancelled') return;
  const failed = run.outcome === 'failed';
  minute.add('runs');
  if (failed) minute.add('runErrors');
  minute.add('asked', run.asked ?? 0);
  minute.add('fallbackPersonas', run.fallbackPersonas ?? 0);
  minute.add('delivered', run.delivered ?? 0);
  const v = run.validation;
  if (v) {
    minute.add('answers', v.answers);
    minute.add('succeeded', v.succeeded);
    minute.add('validated', v.personas);
    minute.add('repaired', v.repaired);
    minute.add('filled', v.filled);
  }
  for (const ms of run.firstTokenMs ?? []) minute.firstToken.record(ms);
  if (embedded && !run.fromCache) {
    minute.add('calls');
    if (failed) minute.add('callErrors');
    else minute.latency.record(run.phases.provider ?? run.totalMs);
  }
}

/** A scheduler call that did an engine's work (generating or answering; culture lookups and probes are not engine work). */
export function countCall(minute: EngineMinute, event: CallEvent): void {
  minute.add('calls');
  if (event.error) minute.add('callErrors');
  if (event.error === 'timeout') minute.add('timeouts');
}

export function isEngineCall(event: CallEvent): boolean {
  return event.kind === 'generate' || event.kind === 'ask';
}
