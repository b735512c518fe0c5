/**
 * How long past generations took, per engine and model: the prior the ETA starts from. Kept in
 * app.db's settings rows (the store already has them), so the first run after a restart has a basis.
 */
import { z } from 'zod';

/** One finished generation's timings, normalised so that runs of other sizes can learn from it. */
export const timingSampleSchema = z.object({
  provider: z.string(),
  model: z.string().nullable(),
  count: z.int().min(1),
  /** The cultural lookup, before the provider is asked. */
  cultureMs: z.number().min(0),
  /** Provider time per work unit (see workUnits in eta.ts: waves × (1 + personas per call)). */
  msPerUnit: z.number().min(0),
  /** Validation, rewrites and the write to app.db, after the last persona arrived. */
  tailMs: z.number().min(0),
  at: z.number(),
});
export type TimingSample = z.infer<typeof timingSampleSchema>;

/** What a new run of an engine and model is expected to take, from its past runs. */
export interface TimingPrior {
  cultureMs: number;
  msPerUnit: number;
  tailMs: number;
  /**
   * How much the pace varied between those runs: the standard deviation of ln(msPerUnit), or a
   * wide default under three runs. A steady engine's prior is trusted; a varying one's gives way to the run's own pace.
   */
  spread: number;
  /** How many past runs it stands on. */
  runs: number;
}

/** The settings rows of app.db (WorkshopStore implements them). */
export interface SettingRows {
  readSetting(key: string): string | undefined;
  writeSetting(key: string, value: unknown): void;
}

const KEY = 'generation-timings';
/** Samples kept in all; the prior reads the latest few of one engine, since a model's speed drifts. */
const KEPT = 60;
const PRIOR_RUNS = 5;
const MIN_RUNS_FOR_SPREAD = 3;
/** About a factor of 1.6 either way: what little history says of an engine's speed from one run to the next. */
const UNKNOWN_SPREAD = 0.5;

export class GenerationTimings {
  private samples: TimingSample[];

  constructor(private readonly rows?: SettingRows) {
    this.samples = load(rows);
  }

  add(sample: TimingSample): void {
    this.samples.push(sample);
    if (this.samples.length > KEPT) this.samples.splice(0, this.samples.length - KEPT);
    try {
      this.rows?.writeSetting(KEY, this.samples);
    } catch {
      // A store that cannot be written (closed, read-only) costs the next start its basis, not this run.
    }
  }

  /** The median of the engine's latest runs with this model, else with any model; null when it never ran. */
  prior(provider: string, model: string | null): TimingPrior | null {
    const ofProvider = this.samples.filter((s) => s.provider === provider);
    const ofModel = ofProvider.filter((s) => s.model === model);
    const basis = (ofModel.length ? ofModel : ofProvider).slice(-PRIOR_RUNS);
    if (basis.length === 0) return null;
    return {
      cultureMs: median(basis.map((s) => s.cultureMs)),
      msPerUnit: median(basis.map((s) => s.msPerUnit)),
      tailMs: median(basis.map((s) => s.tailMs)),
      spread: basis.length < MIN_RUNS_FOR_SPREAD ? UNKNOWN_SPREAD : logSpread(basis.map((s) => s.msPerUnit)),
      runs: basis.length,
    };
  }
}

/** The stored samples; a damaged row is dropped rather than thrown at a generation. */
function load(rows: SettingRows | undefined): TimingSample[] {
  try {
    const text = rows?.readSetting(KEY);
    if (!text) return [];
    const parsed = z.array(timingSampleSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.slice(-KEPT) : [];
  } catch {
    return [];
  }
}

function logSpread(values: number[]): number {
  const logs = values.map((v) => Math.log(Math.max(v, 1e-6)));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (logs.length - 1));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
