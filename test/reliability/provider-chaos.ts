/**
 * Provider chaos: generation calls through a real core against the test provider server while a
 * seeded share of its LLM answers are faults (hang, reset, 5xx, 429 with Retry-After, garbage,
 * slow drip). It measures what the issue promises: no call outlives its deadline, nothing is
 * stored without validating against the shared JSON Schema, and the event loop stays responsive.
 *
 * Deadlines, at two levels:
 * - a generation: the pipeline has no overall deadline of its own, so each call is given one by
 *   its caller, `AbortSignal.timeout(deadlineMs)` passed as the generation's signal;
 * - a provider call: the scheduler's contract, each `Scheduler.call` ends within its budget
 *   (queueing, attempts and backoff included), read with `Scheduler.deadlineFor`.
 * Either counts as overdue when it ends more than GRACE_MS after its deadline.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore, type Core } from '../../src/main/core/core';
import { GenerationError, type GenerationResult } from '../../src/main/generation';
import { SeededRandom } from '../../src/main/world/random';
import { CallError } from '../../src/main/scheduler/call-error';
import type { CallSpec } from '../../src/main/scheduler/call-spec';
import type { Scheduler, SchedulerOptions } from '../../src/main/scheduler/scheduler';
import { briefInputSchema, type ParsedBrief } from '../../src/shared/brief';
import type { Level, Persona, PersonaDocument } from '../../src/shared/persona';
import { jsonSchemaValidators } from '../support/json-schema';
import { ProviderServer, type ReceivedRequest, type Scripted } from '../support/provider-server';

export interface ProviderChaosOptions {
  seed: number;
  calls: number;
  /** Share of LLM requests answered with a fault; default 0.3. */
  faultRate?: number;
  /** Generations in flight at once; default 4. */
  concurrency?: number;
  /** Where the core keeps app.db and cache.db. */
  dataDir: string;
  /** Each generation's deadline, given by its caller; default DEFAULT_DEADLINE_MS. */
  deadlineMs?: number;
  /** The shared JSON Schema per level; default test/support/json-schema's validators. */
  validators?: DocumentValidators;
}

export type DocumentValidators = Record<Level, (document: unknown) => boolean>;

export const FAULT_KINDS = ['hang', 'reset', 'server_error', 'rate_limited', 'garbage', 'slow_drip'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a generation call ended. */
export type CallOutcome = 'provider' | 'mixed' | 'offline' | 'deadline' | 'failed';

export interface ProviderChaosReport {
  calls: number;
  /** Generations that returned personas (from the provider, the offline engine or both). */
  completed: number;
  /** Generations that threw (their deadline included). */
  failed: number;
  /** Completed generations with some personas from the offline engine. */
  fallbacks: number;
  outcomes: Record<CallOutcome, number>;
  /** What failed generations said, by error code. */
  failures: Record<string, number>;
  deadlineMs: number;
  graceMs: number;
  /** Generations that ended more than graceMs after their deadline. */
  overdue: number;
  /** The most any generation ended past its deadline (0 when none did). */
  maxOverrunMs: number;
  slowestCallMs: number;
  providerCalls: number;
  /** Provider calls (Scheduler.call) that ended more than graceMs after their budget. */
  providerCallsOverdue: number;
  maxProviderOverrunMs: number;
  /** The first few overdue provider calls, for whoever has to find out why. */
  overdueProviderCallExamples: OverdueCall[];
  /** LLM requests the server received, and the faults it answered with. */
  llmRequests: number;
  faults: Record<FaultKind, number>;
  /** Requests that followed up a 429's work (its retry, or a later round of its generation) before its Retry-After had passed. */
  retryAfterIgnored: number;
  storedRuns: number;
  storedPersonas: number;
  /** Stored personas whose document fails the shared JSON Schema at the run's level. */
  unvalidatedStored: number;
  /** Completed runs whose stored personas' meta.source disagree with the fallback the call reported. */
  unmarkedFallbacks: number;
  /** Stored personas or completed runs that no completed call returned (a failed call's leftovers). */
  storedForFailedCalls: number;
  /** Event-loop delay p99 and max over the whole run, from monitorEventLoopDelay at 10 ms. */
  lagP99Ms: number;
  lagMaxMs: number;
  durationMs: number;
}

export interface OverdueCall {
  provider: string;
  /** When it started, from the start of the run. */
  startedAtMs: number;
  budgetMs: number;
  ms: number;
  /** The CallError code it ended with, or "ok". */
  ended: string;
}

export const DEFAULT_DEADLINE_MS = 8_000;
/** Event-loop scheduling between a deadline's timer and the promise that ends on it. */
export const GRACE_MS = 250;
const LAG_RESOLUTION_MS = 10;

/**
 * Hundreds of milliseconds instead of tens of seconds, so a thousand calls take minutes: the
 * server answers valid personas in 50-170 ms, a timeout is 3 × p95 within 150 ms-2 s.
 */
export const CHAOS_SCHEDULER: Omit<SchedulerOptions, 'resources'> = {
  timeouts: { initialPerUnitMs: { generate: 250, culture: 250, probe: 250 }, minMs: 150, maxMs: 2_000 },
  retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 200 },
  breaker: { failures: 5, halfOpenAfterMs: 300 },
};

const PROVIDERS = ['ollama', 'openai', 'gemini'] as const;
const LEVELS: readonly Level[] = ['simple', 'standard'];
const DESCRIPTIONS = [
  'Eco-friendly meal-kit delivery for busy parents in Lyon',
  'Budgeting app for university students in Manchester',
  'Premium e-bike subscription for commuters in Amsterdam',
  'Language-learning podcast for retirees in Madrid',
  'Second-hand furniture marketplace for young couples in Berlin',
];

export async function runProviderChaos(options: ProviderChaosOptions): Promise<ProviderChaosReport> {
  const faultRate = options.faultRate ?? 0.3;
  const concurrency = options.concurrency ?? 4;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const plans = planCalls(new SeededRandom(options.seed), options.calls);
  const faults = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const rateLimits: RateLimit[] = [];
  const server = await ProviderServer.start();
  server.setScript(chaosScript(server, new SeededRandom(options.seed ^ 0x5eed), faultRate, faults, rateLimits));
  const core = createCore({ dataDir: options.dataDir, resources: null, env: {}, scheduler: CHAOS_SCHEDULER });
  core.settings.update({
    ollama: { baseUrl: server.url, model: 'chaos-model', stream: true },
    openai: { baseUrl: `${server.url}/v1`, model: 'chaos-model', stream: false },
    gemini: { baseUrl: server.url, model: 'chaos-model', stream: true, apiKey: 'chaos-key' },
  });
  const started = performance.now();
  const providerCalls = watchProviderCalls(core.scheduler, started);
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  const ended: Array<EndedCall | undefined> = new Array<EndedCall | undefined>(plans.length);
  lag.enable();
  try {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < plans.length; i = next++) ended[i] = await generateOnce(core, plans[i]!, deadlineMs);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    lag.disable();
    core.close();
    await server.close();
  }
  const durationMs = performance.now() - started;
  const calls = ended.filter((call): call is EndedCall => call !== undefined);
  const audit = auditStore(path.join(options.dataDir, 'app.db'), calls, options.validators ?? jsonSchemaValidators());
  const count = (outcome: CallOutcome) => calls.filter((call) => call.outcome === outcome).length;
  const outcomes = { provider: count('provider'), mixed: count('mixed'), offline: count('offline'), deadline: count('deadline'), failed: count('failed') };
  const failures: Record<string, number> = {};
  for (const call of calls) if (call.failure) failures[call.failure] = (failures[call.failure] ?? 0) + 1;
  const overruns = calls.map((call) => call.ms - deadlineMs);
  return {
    calls: calls.length,
    completed: outcomes.provider + outcomes.mixed + outcomes.offline,
    failed: outcomes.deadline + outcomes.failed,
    fallbacks: outcomes.mixed + outcomes.offline,
    outcomes,
    failures,
    deadlineMs,
    graceMs: GRACE_MS,
    overdue: overruns.filter((ms) => ms > GRACE_MS).length,
    maxOverrunMs: Math.max(0, ...overruns),
    slowestCallMs: Math.max(0, ...calls.map((call) => call.ms)),
    providerCalls: providerCalls.calls,
    providerCallsOverdue: providerCalls.overdue,
    maxProviderOverrunMs: providerCalls.maxOverrunMs,
    overdueProviderCallExamples: providerCalls.examples,
    llmRequests: server.requests.filter((request) => request.route === 'chat').length,
    faults,
    retryAfterIgnored: retryAfterIgnored(server.requests, rateLimits, plans),
    ...audit,
    // As prom-client reports it: the histogram holds whole intervals between its timer's runs, so an idle loop reads ~10 ms.
    lagP99Ms: lag.percentile(99) / 1e6,
    lagMaxMs: lag.max / 1e6,
    durationMs,
  };
}

/** One line for logs and the benchmark. */
export function formatChaosReport(report: ProviderChaosReport): string {
  const faults = FAULT_KINDS.map((kind) => `${kind}=${report.faults[kind]}`).join(' ');
  const outcomes = Object.entries(report.outcomes).map(([outcome, n]) => `${outcome}=${n}`).join(' ');
  return (
    `chaos_calls=${report.calls} overdue=${report.overdue} lag_p99_ms=${report.lagP99Ms.toFixed(1)} | completed=${report.completed} failed=${report.failed} fallbacks=${report.fallbacks} (${outcomes})` +
    ` | provider_calls=${report.providerCalls} provider_calls_overdue=${report.providerCallsOverdue} max_provider_overrun_ms=${report.maxProviderOverrunMs.toFixed(0)} max_overrun_ms=${report.maxOverrunMs.toFixed(0)} slowest_call_ms=${report.slowestCallMs.toFixed(0)} deadline_ms=${report.deadlineMs}` +
    ` | llm_requests=${report.llmRequests} ${faults} retry_after_ignored=${report.retryAfterIgnored} | stored_runs=${report.storedRuns} stored_personas=${report.storedPersonas} unvalidated=${report.unvalidatedStored} unmarked_fallbacks=${report.unmarkedFallbacks} stored_for_failed=${report.storedForFailedCalls}` +
    ` | lag_max_ms=${report.lagMaxMs.toFixed(1)} duration_s=${(report.durationMs / 1000).toFixed(1)}` +
    report.overdueProviderCallExamples.map((c) => ` | overdue provider call: ${c.provider} started at ${c.startedAtMs} ms, ${c.ms} ms for a ${c.budgetMs} ms budget, ended ${c.ended}`).join('')
  );
}

interface CallPlan {
  brief: ParsedBrief;
  providerId: (typeof PROVIDERS)[number];
}

interface EndedCall {
  outcome: CallOutcome;
  ms: number;
  failure?: string;
  result?: GenerationResult;
}

/** Drawn before the run, so the calls do not depend on how the faults' timing interleaves them. */
function planCalls(random: SeededRandom, calls: number): CallPlan[] {
  return Array.from({ length: calls }, (_, i) => ({
    providerId: PROVIDERS[i % PROVIDERS.length]!,
    brief: briefInputSchema.parse({ description: random.pick(DESCRIPTIONS), count: random.int(1, 3), level: random.pick(LEVELS), seed: random.int(1, 2 ** 31 - 1) }),
  }));
}

async function generateOnce(core: Core, plan: CallPlan, deadlineMs: number): Promise<EndedCall> {
  const deadline = AbortSignal.timeout(deadlineMs);
  const started = performance.now();
  try {
    const result = await core.generate(plan.brief, { providerId: plan.providerId, signal: deadline });
    const offline = result.fallback?.personas ?? 0;
    const outcome = offline === 0 ? 'provider' : offline < result.document.personas.length ? 'mixed' : 'offline';
    return { outcome, ms: performance.now() - started, result };
  } catch (error) {
    const ms = performance.now() - started;
    if (deadline.aborted) return { outcome: 'deadline', ms, failure: 'deadline' };
    return { outcome: 'failed', ms, failure: error instanceof GenerationError ? error.code : error instanceof Error ? error.name : 'unknown' };
  }
}

/**
 * The server's answer to each LLM request, drawn in arrival order: `faultRate` of them one of the
 * six faults (each counted in `faults`), the rest valid personas after a realistic delay.
 */
function chaosScript(server: ProviderServer, random: SeededRandom, faultRate: number, faults: Record<FaultKind, number>, rateLimits: RateLimit[]): (request: ReceivedRequest) => Scripted {
  return (request) => {
    if (request.route !== 'chat') return {};
    const asked = request.asked ?? { count: 1, level: 'standard' as const };
    const valid = { latencyMs: 20 + 30 * asked.count + random.int(0, 60) };
    if (random.next() >= faultRate) return valid;
    const kind = random.pick(FAULT_KINDS);
    faults[kind]++;
    switch (kind) {
      case 'hang':
        return { hang: true };
      case 'reset':
        // Before any byte, or midway through the body.
        return random.next() < 0.5 ? { reset: true, latencyMs: random.int(0, 40) } : { truncateAt: random.int(20, 400), latencyMs: random.int(0, 40) };
      case 'server_error':
        return { status: random.pick([500, 502, 503]), latencyMs: random.int(5, 40) };
      case 'rate_limited': {
        const latencyMs = random.int(5, 20);
        const header = retryAfter(random);
        const seconds = Number(header);
        rateLimits.push({ request, answeredAt: request.at + latencyMs, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now() - latencyMs });
        return { status: 429, latencyMs, headers: { 'retry-after': header } };
      }
      case 'garbage':
        return garbage(server, random, asked);
      case 'slow_drip':
        // 2.4-9.6 s in all, each piece well within a timeout: only the whole answer is too slow.
        return { chunks: random.int(60, 120), intervalMs: random.int(40, 80), dripBody: true };
    }
  };
}

/** Soon enough to honour, later than any deadline, or as an HTTP date. */
function retryAfter(random: SeededRandom): string {
  const choice = random.int(0, 4);
  if (choice === 0) return '0';
  if (choice === 1) return String(random.int(1, 3) / 10);
  if (choice === 2) return '2';
  if (choice === 3) return String(random.int(30, 3600));
  return new Date(Date.now() + random.int(1, 5) * 1000).toUTCString();
}

function garbage(server: ProviderServer, random: SeededRandom, asked: { count: number; level: Level }): Scripted {
  const latencyMs = random.int(10, 80);
  const valid = server.personasAnswer(asked.count, asked.level, random.int(0, 23));
  switch (random.int(0, 5)) {
    case 0:
      return { latencyMs, content: 'I am sorry, but I cannot produce that right now. Please try again later.' };
    case 1:
      return { latencyMs, content: valid.slice(0, random.int(1, valid.length - 1)) };
    case 2:
      return { latencyMs, content: JSON.stringify(random.pick([{ result: 'ok', items: [1, 2, 3] }, [], { personas: 'none' }, { personas: [{ name: 42, age: 'old', culturalProfile: 'jazz' }] }, null])) };
    case 3:
      return { latencyMs, content: Array.from({ length: random.int(50, 400) }, () => String.fromCharCode(random.int(0, 0xd7ff))).join('') };
    case 4:
      // An envelope that is not the wire's: a proxy's error page with status 200.
      return { latencyMs, rawBody: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' };
    default:
      return { latencyMs, content: valid.replace(/"/g, random.pick(["'", '', '\\"'])) };
  }
}

interface RateLimit {
  request: ReceivedRequest;
  answeredAt: number;
  retryAfterMs: number;
}

/** A request's generation and round, from the seed it carries (the brief's seed + 1000 × round + call index). */
function originOf(request: ReceivedRequest, planBySeed: ReadonlyMap<number, number>): { plan: number; round: number; call: number } | undefined {
  const body = request.body as { seed?: number; options?: { seed?: number }; generationConfig?: { seed?: number } };
  const seed = body.seed ?? body.options?.seed ?? body.generationConfig?.seed;
  if (seed === undefined) return undefined;
  for (let round = 0; round < 3; round++) {
    for (let call = 0; call < 3; call++) {
      const plan = planBySeed.get(seed - round * 1000 - call);
      if (plan !== undefined) return { plan, round, call };
    }
  }
  return undefined;
}

/** Allowance for the timer that waits out a Retry-After and for an HTTP date's whole seconds. */
const RETRY_AFTER_TOLERANCE_MS = 50;

function retryAfterIgnored(requests: readonly ReceivedRequest[], rateLimits: readonly RateLimit[], plans: readonly CallPlan[]): number {
  const planBySeed = new Map(plans.map((plan, i) => [plan.brief.seed!, i]));
  const chats = requests.filter((request) => request.route === 'chat').map((request) => ({ request, origin: originOf(request, planBySeed) }));
  let ignored = 0;
  for (const limit of rateLimits) {
    const limited = originOf(limit.request, planBySeed);
    if (!limited) continue;
    const until = limit.answeredAt + limit.retryAfterMs - RETRY_AFTER_TOLERANCE_MS;
    ignored += chats.filter(({ request, origin }) =>
      origin?.plan === limited.plan && request.at > limit.answeredAt && request.at < until && (origin.round > limited.round || origin.call === limited.call),
    ).length;
  }
  return ignored;
}

/**
 * Wraps the core's scheduler so that every provider call's wall time is checked against the budget
 * the scheduler gave it (read in the same tick as `call` reads it, so it is the same figure).
 */
function watchProviderCalls(scheduler: Scheduler, runStarted: number): { calls: number; overdue: number; maxOverrunMs: number; examples: OverdueCall[] } {
  const stats = { calls: 0, overdue: 0, maxOverrunMs: 0, examples: [] as OverdueCall[] };
  const call = scheduler.call.bind(scheduler);
  scheduler.call = async <T>(spec: CallSpec<T>): Promise<T> => {
    const budget = spec.deadlineMs ?? scheduler.deadlineFor(spec.provider, spec.kind, spec.units ?? 1);
    const started = performance.now();
    let ended = 'ok';
    try {
      return await call(spec);
    } catch (error) {
      ended = error instanceof CallError ? error.code : String(error);
      throw error;
    } finally {
      const ms = performance.now() - started;
      stats.calls++;
      stats.maxOverrunMs = Math.max(stats.maxOverrunMs, ms - budget);
      if (ms - budget > GRACE_MS && stats.overdue++ < 5) stats.examples.push({ provider: spec.provider, startedAtMs: Math.round(started - runStarted), budgetMs: Math.round(budget), ms: Math.round(ms), ended });
    }
  };
  return stats;
}

type StoreAudit = Pick<ProviderChaosReport, 'storedRuns' | 'storedPersonas' | 'unvalidatedStored' | 'unmarkedFallbacks' | 'storedForFailedCalls'>;

/** Reads every run and persona from app.db itself (not from what the calls returned) and checks them. */
function auditStore(file: string, calls: readonly EndedCall[], validators: DocumentValidators): StoreAudit {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const runs = db.prepare('SELECT r.id, r.status, r.level, r.report_json, b.brief_json FROM runs r JOIN briefs b ON b.id = r.brief_id').all() as Array<{ id: string; status: string; level: Level; report_json: string | null; brief_json: string }>;
    const personas = db.prepare('SELECT run_id, json FROM personas').all() as Array<{ run_id: string; json: string }>;
    const runsById = new Map(runs.map((run) => [run.id, run]));
    const byRun = new Map<string, Persona[]>();
    let unvalidatedStored = 0;
    for (const row of personas) {
      const persona = JSON.parse(row.json) as Persona;
      const ofRun = byRun.get(row.run_id) ?? [];
      ofRun.push(persona);
      byRun.set(row.run_id, ofRun);
      const run = runsById.get(row.run_id);
      if (!run) {
        unvalidatedStored++;
        continue;
      }
      // One persona per document, so each is counted on its own.
      const document: PersonaDocument = { schemaVersion: 1, level: run.level, brief: JSON.parse(run.brief_json) as PersonaDocument['brief'], personas: [persona], ...(run.report_json ? { report: JSON.parse(run.report_json) as PersonaDocument['report'] } : {}) };
      if (!validators[run.level](document)) unvalidatedStored++;
    }

    const returned = new Map(calls.flatMap((call) => (call.result ? [[call.result.run.id, call.result] as const] : [])));
    let unmarkedFallbacks = 0;
    let storedForFailedCalls = 0;
    for (const run of runs) {
      const stored = byRun.get(run.id) ?? [];
      const result = returned.get(run.id);
      if (!result) {
        // A failed or cancelled call is recorded, but with nothing in it.
        if (run.status === 'completed' || stored.length > 0) storedForFailedCalls += Math.max(1, stored.length);
        continue;
      }
      const offline = stored.filter((p) => p.meta?.source === 'offline').length;
      const fromProvider = stored.filter((p) => p.meta?.source === result.run.provider).length;
      if (offline !== (result.fallback?.personas ?? 0) || offline + fromProvider !== stored.length || stored.length !== result.document.personas.length) unmarkedFallbacks++;
    }
    return { storedRuns: runs.length, storedPersonas: personas.length, unvalidatedStored, unmarkedFallbacks, storedForFailedCalls };
  } finally {
    db.close();
  }
}
