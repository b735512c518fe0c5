/**
 * The hostile-IPC fuzzer of the reliability suite (issue 9): seeded random and adversarial payloads
 * on every channel of the contract, and on channels that do not exist, against a real core, through
 * the dispatcher directly and (a share) as raw HTTP bodies to browser mode. It counts what must
 * never happen: a rejected dispatch or a process-level error (crash), an answer outside the typed
 * result shape, a handler given something its schema did not produce, prototype pollution, and
 * heap that keeps what the payloads brought.
 *
 * A seed fixes every choice; with more than one dispatch in flight, which run or persona a valid
 * request names depends on which earlier answers have arrived.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { types } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { z } from 'zod';
import { createCore } from '../../src/main/core/core';
import { SeededRandom } from '../../src/main/world/random';
import { createDispatcher, type Dispatch, type HandlerContext, type Handlers } from '../../src/main/ipc/dispatcher';
import { createHandlers } from '../../src/main/ipc/handlers';
import { startWebServer, type WebServer } from '../../src/main/web';
import { IPC_ERROR_CODES, contract } from '../../src/shared/ipc/contract';
import type { Channel, RequestOf } from '../../src/shared/ipc/types';
import { HISTORY_RESOLUTIONS } from '../../src/shared/metrics';
import { LEVELS } from '../../src/shared/persona';
import { writeRendererStandIn } from '../support/renderer-stand-in';

export interface IpcFuzzOptions {
  seed: number;
  /** Payloads to send; never fewer than one valid request per contract channel. */
  payloads: number;
  /** Folder for the core's app.db (and the stand-in page browser mode serves). */
  dataDir: string;
  /** Share of payloads sent as raw HTTP bodies to browser mode, 0 to 1; default 0. */
  viaHttpShare?: number;
  /** Dispatches in flight at once; default 4, so that cancels meet running generations. */
  concurrency?: number;
}

export interface IpcFuzzReport {
  payloads: number;
  viaHttp: number;
  /** Dispatches that rejected, hung or threw, plus uncaught exceptions and unhandled rejections. */
  crashes: number;
  /** Answers that are neither { ok: true, data } nor { ok: false, error } with a contract error code and a message. */
  untyped: number;
  /** Handler calls with a request that its schema did not produce (see findUnparsed). */
  unparsedReachedHandler: number;
  /** Successful answers whose data does not match the channel's response schema. */
  responseMismatches: number;
  accepted: number;
  rejected: number;
  /** Answers by error code, successes under "ok". */
  byCode: Record<string, number>;
  /** Payloads by the generator that made them. */
  byKind: Record<string, number>;
  /** Contract channels that received at least one payload. */
  channelsExercised: Channel[];
  /** Properties added to the built-in prototypes during the run. */
  prototypePollution: string[];
  /** The longest error message answered, in characters: an answer must not echo a huge payload. */
  longestErrorMessage: number;
  /** Whether app:info and runs:list still answered after the last payload. */
  coreAnswersAfter: boolean;
  heapGrowthMb: number;
  durationMs: number;
  /** The first problems seen, each with its channel and payload kind. */
  problems: string[];
}

export async function runIpcFuzz(options: IpcFuzzOptions): Promise<IpcFuzzReport> {
  const started = performance.now();
  const rng = new SeededRandom(options.seed);
  const tally = new Tally();
  const prototypesBefore = prototypeKeys();
  const rawPayloads = new WeakSet<object>();

  const core = createCore({ dataDir: options.dataDir, resources: null, env: {} });
  const dispatch = createDispatcher(
    inspectingHandlers(createHandlers(core), (channel, request) => {
      const problem = findUnparsed(channel, request, rawPayloads);
      if (problem) tally.unparsed(`${channel}: handler received ${problem}`);
    }),
    // What the app does with an internal error (it logs it), minus the printing: hostile values must survive it.
    (_channel, error) => void core.secretRegistry.describeForLog(error),
  );
  const httpShare = options.viaHttpShare ?? 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const onProcessError = (error: unknown) => tally.crash(`process: ${describeError(error)}`);
  process.on('uncaughtException', onProcessError);
  process.on('unhandledRejection', onProcessError);
  const state = new FuzzState();
  let web: WebServer | undefined;
  let heapBefore = 0;
  let heapAfter = 0;
  try {
    if (httpShare > 0) web = await startFuzzWebServer(dispatch, options.dataDir);
    // First a valid request on every channel, one at a time: it covers the contract, loads the
    // dataset and leaves runs and personas for later requests to name; the heap is measured after.
    for (const channel of CHANNELS) {
      await sendDirect(dispatch, { channel, kind: 'valid', payload: VALID_REQUESTS[channel](rng, state) }, tally, state, rawPayloads);
    }
    heapBefore = heapUsedAfterGc();

    let next = CHANNELS.length;
    const worker = async () => {
      while (next < options.payloads) {
        next++;
        if (web && rng.next() < httpShare) await sendHttp(web, agent, makeHttpCase(rng, state), tally);
        else await sendDirect(dispatch, makeCase(rng, state), tally, state, rawPayloads);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
    tally.coreAnswersAfter = await answersStill(dispatch, core.store.currentWorkshopId());
  } finally {
    process.off('uncaughtException', onProcessError);
    process.off('unhandledRejection', onProcessError);
    agent.destroy();
    await web?.close();
    heapAfter = heapUsedAfterGc();
    core.close();
  }

  const pollution = prototypeKeys().filter((key) => !prototypesBefore.includes(key));
  if ((Object.prototype as Record<string, unknown>)['polluted'] !== undefined) pollution.push('Object.prototype.polluted');
  return {
    ...tally.report(),
    prototypePollution: [...new Set(pollution)],
    heapGrowthMb: Math.round(((heapAfter - heapBefore) / 1_048_576) * 10) / 10,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The line the benchmark prints. */
export function formatIpcFuzzLine(report: IpcFuzzReport): string {
  return [
    `fuzz_payloads=${report.payloads}`,
    `crashes=${report.crashes}`,
    `untyped=${report.untyped}`,
    `unparsed=${report.unparsedReachedHandler}`,
    `accepted=${report.accepted}`,
    `rejected=${report.rejected}`,
    `via_http=${report.viaHttp}`,
    `heap_growth_mb=${report.heapGrowthMb}`,
    `duration_ms=${report.durationMs}`,
  ].join(' ');
}

const CHANNELS = Object.keys(contract) as Channel[];
const ODD_CHANNELS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'a'.repeat(10_000),
  'runs:get\u0000',
  'RUNS:GET',
  ' runs:get',
  'runs:get ',
  'app:info\n',
  '../app:info',
  '\ud800',
  'generation:run/../settings:update',
];
const MAX_PROBLEMS = 20;
const DISPATCH_TIMEOUT_MS = 20_000;
const MB = 1_048_576;
const HUGE_ASCII = 'x'.repeat(MB);
const HUGE_UNICODE = '\u{1F469}\u200D\u{1F373}e\u0301\u05D0'.repeat(MB / 8);
const LONG_UNICODE = '\u{1F9D1}\u200D\u{1F4BB} \u202Epersona\u202C \u0000 \uFEFF \u0928\u092E\u0938\u094D\u0924\u0947 '.repeat(4_000);
const LONE_SURROGATES = ['\ud800', 'persona\udfff', '\udc00\ud800 Eco-friendly meal kits for parents', `${'\ud83d'.repeat(50)}`];
const ODD_NUMBERS = [NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, 5e-324, -1, 2 ** 32, 0.5];
const HOSTILE_KEYS = ['unexpected', 'admin', 'toString', 'hasOwnProperty', 'valueOf', 'then', '__defineGetter__', 'k'.repeat(100_000)];

interface FuzzCase {
  channel: string;
  kind: string;
  payload: unknown;
}
interface HttpCase {
  channel: string;
  kind: string;
  body: Buffer;
}

/** What earlier answers made, for valid requests to name; a few of each, so memory stays flat. */
class FuzzState {
  readonly workshopIds: string[] = [];
  readonly runIds: string[] = [];
  readonly personas: Array<{ id: string; runId: string; persona: Record<string, unknown> }> = [];
  readonly runningGenerations = new Set<string>();
  /** Interviews, focus groups and concept tests made so far (asked of the offline engine). */
  readonly interviewIds: string[] = [];
  readonly focusGroupIds: string[] = [];
  readonly conceptTestIds: string[] = [];

  remember<T>(list: T[], item: T) {
    list.push(item);
    if (list.length > 8) list.shift();
  }

  /** A v4-shaped UUID from the seeded generator, so that runs replay. */
  uuid(rng: SeededRandom): string {
    const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  }

  learn(channel: Channel, data: unknown) {
    if (channel === 'workshops:create') {
      const parsed = contract['workshops:create'].response.safeParse(data);
      if (parsed.success) this.remember(this.workshopIds, parsed.data.id);
    }
    if (channel === 'generation:run') {
      const parsed = contract['generation:run'].response.safeParse(data);
      if (parsed.success) this.learnRun(parsed.data.run.id, parsed.data.document.personas);
    }
    if (channel === 'interviews:ask') {
      const parsed = contract['interviews:ask'].response.safeParse(data);
      if (parsed.success) this.remember(this.interviewIds, parsed.data.interview.id);
    }
    if (channel === 'focus-groups:ask') {
      const parsed = contract['focus-groups:ask'].response.safeParse(data);
      if (parsed.success) this.remember(this.focusGroupIds, parsed.data.id);
    }
    if (channel === 'concepts:test') {
      const parsed = contract['concepts:test'].response.safeParse(data);
      if (parsed.success) this.remember(this.conceptTestIds, parsed.data.id);
    }
    if (channel === 'runs:get') {
      const parsed = contract['runs:get'].response.safeParse(data);
      if (parsed.success && parsed.data.document) this.learnRun(parsed.data.id, parsed.data.document.personas);
    }
  }

  private learnRun(runId: string, personas: ReadonlyArray<Record<string, unknown>>) {
    if (!this.runIds.includes(runId)) this.remember(this.runIds, runId);
    for (const persona of personas.slice(0, 2)) {
      if (typeof persona['id'] === 'string') this.remember(this.personas, { id: persona['id'], runId, persona: structuredClone(persona) });
    }
  }
}

const DESCRIPTIONS = [
  'Eco-friendly meal-kit delivery for busy parents in Lyon',
  'Budget travel app for students exploring Europe by train',
  'Invoicing software for small construction firms in Bavaria',
  'Application de covoiturage pour les étudiants à Montréal \u{1F697}',
];

/** Mostly one of `items` (an id that exists), sometimes `fallback` (one that does not). */
function pickOr<T>(rng: SeededRandom, items: readonly T[], fallback: T): T {
  return items.length > 0 && rng.next() < 0.85 ? rng.pick(items) : fallback;
}

/** Logos the branding channels accept by shape: a real PNG signature, a GIF named PNG, SVGs clean and with a script (the core refuses the last two). */
const LOGOS = [
  { mimeType: 'image/png', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64') },
  { mimeType: 'image/png', base64: Buffer.from('GIF89a....').toString('base64') },
  { mimeType: 'image/svg+xml', base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#3b5bdb"/></svg>').toString('base64') },
  { mimeType: 'image/svg+xml', base64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>').toString('base64') },
] as const;

/** A branding change: each part set, cleared or left alone. */
function brandingChange(rng: SeededRandom): { accent?: string | null; logo?: (typeof LOGOS)[number] | null } {
  const accent = rng.next();
  const logo = rng.next();
  return {
    ...(accent < 0.4 ? { accent: `#${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}` } : accent < 0.6 ? { accent: null } : {}),
    ...(logo < 0.4 ? { logo: rng.pick(LOGOS) } : logo < 0.6 ? { logo: null } : {}),
  };
}

/** A request each channel accepts, kept cheap: offline generations of at most 3 personas, no PDF, no network. */
const VALID_REQUESTS: { [C in Channel]: (rng: SeededRandom, state: FuzzState) => RequestOf<C> } = {
  'app:info': () => ({}),
  'brief:understand': (rng) => ({ brief: { description: rng.pick(DESCRIPTIONS), count: rng.int(1, 3), level: rng.pick(LEVELS), ...(rng.next() < 0.3 ? { location: 'Lyon' } : {}) } }),
  'generation:run': (rng, state) => {
    const requestId = state.uuid(rng);
    return {
      requestId,
      ...(state.workshopIds.length > 0 && rng.next() < 0.5 ? { workshopId: rng.pick(state.workshopIds) } : {}),
      brief: {
        description: rng.pick(DESCRIPTIONS),
        count: rng.int(1, 3),
        level: rng.pick(LEVELS),
        ...(rng.next() < 0.5 ? { seed: rng.int(0, 5) } : {}),
        ...(rng.next() < 0.3 ? { location: 'Lyon' } : {}),
        ...(rng.next() < 0.3 ? { ageRange: [25, 40] as [number, number] } : {}),
      },
      ...(rng.next() < 0.3 ? { providerId: 'offline' as const } : {}),
    };
  },
  'providers:probe': () => ({ providerId: 'offline' }),
  // No URL: the fuzzed core has no team cache, so the test answers at once without a connection.
  'team-cache:test': () => ({}),
  'scheduler:status': () => ({}),
  'generation:cancel': (rng, state) => ({ requestId: pickOr(rng, [...state.runningGenerations], state.uuid(rng)) }),
  'workshops:list': (rng) => (rng.next() < 0.5 ? {} : { includeArchived: rng.next() < 0.5 }),
  'workshops:create': (rng) => ({ name: `Fuzz workshop ${rng.int(1, 1000)}`, ...(rng.next() < 0.3 ? { client: `Client ${rng.int(1, 9)}` } : {}) }),
  'workshops:update': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop'), ...(rng.next() < 0.5 ? { name: `Renamed ${rng.int(1, 1000)}` } : {}), ...(rng.next() < 0.5 ? { client: rng.pick(['Client A', '', null]) } : {}) }),
  'workshops:select': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') }),
  'workshops:archive': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop'), archived: rng.next() < 0.5 }),
  'workshops:delete': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') }),
  'deletion:preview': (rng, state) => (rng.next() < 0.5 ? { workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') } : { runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'runs:rename': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run'), title: `Fuzzed title ${rng.int(1, 1000)}` }),
  'runs:move': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run'), workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') }),
  'runs:duplicate': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'runs:delete': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'personas:delete': (rng, state) => ({ personaId: state.personas.length > 0 && rng.next() < 0.5 ? rng.pick(state.personas).id : 'no-such-persona' }),
  'personas:history': (rng, state) => ({ personaId: state.personas.length > 0 ? rng.pick(state.personas).id : 'no-such-persona' }),
  'personas:restore': (rng, state) => ({ personaId: state.personas.length > 0 ? rng.pick(state.personas).id : 'no-such-persona', version: rng.int(0, 3) }),
  'personas:undo': (rng, state) => ({ personaId: state.personas.length > 0 ? rng.pick(state.personas).id : 'no-such-persona' }),
  'runs:list': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop'), ...(rng.next() < 0.5 ? { limit: rng.int(1, 500) } : {}) }),
  'runs:get': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'validation:stats': () => ({}),
  'cache:stats': () => ({}),
  'cache:suggestions': () => ({}),
  'cache:clear': () => ({}),
  'settings:get': () => ({}),
  'settings:update': (rng) =>
    rng.pick([
      { change: { monitor: { tuner: rng.next() < 0.5 } } },
      { change: { monitor: { p95Ms: rng.int(100, 600_000) } } },
      { change: { cache: { ttlMinMinutes: rng.int(1, 1440) } } },
      { change: { limits: { maxConcurrency: rng.int(4, 64) } } },
      { change: { ollama: { temperature: rng.int(0, 20) / 10 } } },
      { change: { ollama: { servers: rng.next() < 0.5 ? [] : [{ baseUrl: `http://127.0.0.1:${rng.pick([1, 9])}`, weight: rng.int(1, 100) / 10 }] } } },
      { change: { qloo: { take: rng.int(1, 50) } } },
    ]),
  'personas:edit': (rng, state) => {
    const target = state.personas.length > 0 ? rng.pick(state.personas) : undefined;
    if (!target) return { personaId: 'no-such-persona', persona: { name: 'Nobody' } };
    return { personaId: target.id, persona: { ...structuredClone(target.persona), quote: `Edited by the fuzzer (${rng.int(1, 1e6)}).` } };
  },
  'personas:generate-one': (rng, state) => {
    const target = state.personas.length > 0 ? rng.pick(state.personas) : undefined;
    if (!target) return { runId: pickOr(rng, state.runIds, 'no-such-run') };
    const lo = rng.int(16, 80);
    return {
      runId: target.runId,
      ...(rng.next() < 0.3 ? { replacePersonaId: target.id } : {}),
      ...(rng.next() < 0.3 ? { ageRange: [lo, lo + rng.int(0, 19)] as [number, number] } : {}),
    };
  },
  'runs:summary': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'workshops:branding': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop'), ...brandingChange(rng) }),
  'workshops:logo': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') }),
  'reports:cover-preview': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop'), ...brandingChange(rng) }),
  'reports:export': (rng, state) => ({ requestId: state.uuid(rng), runId: pickOr(rng, state.runIds, 'no-such-run'), format: rng.pick(['json', 'csv', 'md'] as const) }),
  'reports:cancel': (rng, state) => ({ requestId: state.uuid(rng) }),
  'runs:search': (rng) => ({ query: rng.pick(['meal', 'MEAL-KIT', '100%_', 'étudiants', '']), ...(rng.next() < 0.5 ? { limit: rng.int(1, 500) } : {}) }),
  'monitor:live': () => ({}),
  'monitor:history': (rng) => ({ rangeMs: rng.int(60_000, 86_400_000), ...(rng.next() < 0.5 ? { resolution: rng.pick(HISTORY_RESOLUTIONS) } : {}) }),
  'monitor:traces': () => ({}),
  'monitor:suggestions': () => ({}),
  'alerts:list': (rng) => (rng.next() < 0.5 ? {} : { rangeMs: rng.int(0, 30 * 86_400_000) }),
  'alerts:acknowledge': (rng) => ({ id: rng.int(1, 20) }),
  'tuner:state': () => ({}),
  'tuner:set-enabled': (rng) => ({ enabled: rng.next() < 0.5 }),
  'tuner:audit': (rng) => (rng.next() < 0.5 ? {} : { limit: rng.int(1, 1000) }),
  'performance:engines': (rng) => (rng.next() < 0.5 ? {} : { rangeMs: rng.int(60_000, 30 * 86_400_000) }),
  'performance:efficiency': (rng) => (rng.next() < 0.5 ? {} : { rangeMs: rng.int(60_000, 30 * 86_400_000) }),
  'anomalies:list': (rng) => (rng.next() < 0.5 ? {} : { rangeMs: rng.int(60_000, 30 * 86_400_000) }),
  'optimization:start': () => ({}),
  'optimization:schedule': (rng) => ({ window: rng.pick([{ start: '22:00', end: '06:00' }, { start: '01:30', end: '02:00' }]) }),
  'optimization:cancel': (rng) => ({ id: rng.pick(['no-such-optimization', 'opt-1']) }),
  'optimization:list': (rng) => (rng.next() < 0.5 ? {} : { limit: rng.int(1, 500) }),
  'tuning:kept': () => ({}),
  'tuning:reset': (rng) => (rng.next() < 0.5 ? {} : { tunable: rng.pick(['l1_bytes', 'ttl_min_ms', 'concurrency_max', 'timeout_factor', 'batch_size'] as const) }),
  'suggestions:apply': (rng) => ({ id: rng.pick(['l2_too_small', 'preload_wasted', 'no-such-suggestion']) }),
  'reports:performance': (rng, state) => ({ requestId: state.uuid(rng), format: rng.pick(['pdf', 'md'] as const), ...(rng.next() < 0.5 ? { rangeMs: rng.int(60_000, 7 * 86_400_000) } : {}) }),
  'recovery:state': () => ({}),
  // app.db is healthy here, so both recovery choices are refused before they touch a file.
  'recovery:restore': (rng) => ({ backup: `app-2025-0${rng.int(1, 9)}-01T00-00-00-000Z.db` }),
  'recovery:start-fresh': () => ({}),
  // Questions go to the built-in engine: no network, and answers in milliseconds.
  'interviews:list': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'interviews:get': (rng, state) => ({ interviewId: pickOr(rng, state.interviewIds, 'no-such-interview') }),
  'interviews:ask': (rng, state) => {
    const target = state.personas.length > 0 ? rng.pick(state.personas) : undefined;
    const continued = state.interviewIds.length > 0 && rng.next() < 0.3 ? { interviewId: rng.pick(state.interviewIds) } : {};
    return { requestId: state.uuid(rng), runId: target?.runId ?? pickOr(rng, state.runIds, 'no-such-run'), personaId: target?.id ?? 'no-such-persona', ...continued, question: rng.pick(QUESTIONS), providerId: 'offline' as const };
  },
  'interviews:rename': (rng, state) => ({ interviewId: pickOr(rng, state.interviewIds, 'no-such-interview'), title: `Fuzzed interview ${rng.int(1, 1000)}` }),
  'interviews:delete': (rng, state) => ({ interviewId: pickOr(rng, state.interviewIds, 'no-such-interview') }),
  'interviews:search': (rng) => ({ query: rng.pick(['price', 'WEEKEND', '100%_', 'étudiants']), ...(rng.next() < 0.5 ? { limit: rng.int(1, 200) } : {}) }),
  'focus-groups:ask': (rng, state) => {
    const target = state.personas.length > 0 ? rng.pick(state.personas) : undefined;
    return { requestId: state.uuid(rng), runId: target?.runId ?? pickOr(rng, state.runIds, 'no-such-run'), ...(target && rng.next() < 0.3 ? { personaIds: [target.id] } : {}), question: rng.pick(QUESTIONS), providerId: 'offline' as const };
  },
  'focus-groups:list': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'focus-groups:delete': (rng, state) => ({ focusGroupId: pickOr(rng, state.focusGroupIds, 'no-such-focus-group') }),
  'concepts:test': (rng, state) => ({
    requestId: state.uuid(rng),
    runId: pickOr(rng, state.runIds, 'no-such-run'),
    concept: { text: rng.pick(['Meal kits delivered by bike', 'A train pass for a month of Europe', 'Invoices from a photo']), ...(rng.next() < 0.5 ? { price: rng.pick(['€12 a month', '$99', 'free']) } : {}) },
    providerId: 'offline' as const,
  }),
  'concepts:list': (rng, state) => ({ runId: pickOr(rng, state.runIds, 'no-such-run') }),
  'concepts:delete': (rng, state) => ({ conceptTestId: pickOr(rng, state.conceptTestIds, 'no-such-concept-test') }),
  'asking:cancel': (rng, state) => ({ requestId: state.uuid(rng) }),
  'bundles:export': (rng, state) => ({ workshopId: pickOr(rng, state.workshopIds, 'no-such-workshop') }),
  // Files a user might drop by mistake: each is refused whole, so the fuzzed data stays as it was.
  'bundles:import': (rng) => ({ base64: Buffer.from(rng.pick(BUNDLE_MISTAKES)).toString('base64'), ...(rng.next() < 0.5 ? { remap: rng.next() < 0.5 } : {}) }),
  'import:preview': (rng) =>
    rng.next() < 0.6
      ? { source: { kind: 'text' as const, text: rng.pick(IMPORT_TEXTS) }, ...(rng.next() < 0.5 ? { level: rng.pick(['simple', 'standard', 'b2b'] as const) } : {}) }
      : { source: { kind: 'file' as const, fileName: rng.pick(['notes.md', 'people.csv', 'export.json', 'photo.png']), base64: Buffer.from(rng.pick(IMPORT_TEXTS)).toString('base64') } },
  // Previews save nothing; imports add runs to the fuzzed data only when valid, which later channels then find.
  'import:commit': (rng) => ({
    personas: [{ name: 'Ines Duarte', age: 38, location: { city: 'Porto', country: 'Portugal' }, occupation: 'Nurse', bio: 'Works night shifts at a city hospital.', goals: ['Cook quick meals'], painPoints: ['No time'], interests: ['Surfing'] }],
    level: 'simple' as const,
    sourceName: rng.pick(['notes.md', 'pasted text']),
    format: 'markdown' as const,
  }),
};

const IMPORT_TEXTS = ['## Ines Duarte\n- **Age:** 38\n- **Occupation:** Nurse\n- **City:** Porto, Portugal\n- **Goals:** cook quick meals', "I'm sorry, but I can't help with that.", 'name,age,occupation,city\nInes Duarte,38,Nurse,Porto', ''];

const BUNDLE_MISTAKES = ['not json at all', '{"format":"something-else","version":1}', '{"format":"persona-studio-workshop","version":99}', '{"format":"persona-studio-workshop","version":1,"tables":{}}', '[]'];

const QUESTIONS = ['What would stop you from ordering?', 'How do you spend your weekends?', 'What do you pay for this today?', 'Qu’est-ce qui vous agace le plus ? \u{1F914}'];

type Generator = (rng: SeededRandom, valid: unknown) => unknown;

/** Payload generators by name, with their weights; each starts from a valid request of the channel. */
const GENERATORS: Array<[string, number, Generator]> = [
  ['valid', 22, (_rng, valid) => valid],
  ['wrong_type', 8, (rng) => wrongType(rng)],
  ['drop_field', 6, (rng, valid) => mutate(rng, valid, (container, key) => void delete container[key])],
  ['wrong_field_type', 8, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = wrongType(rng)))],
  ['extra_field', 6, (rng, valid) => mutate(rng, valid, (container) => void (container[rng.pick(HOSTILE_KEYS)] = rng.pick([1, 'x', null, {}])), 'container')],
  ['huge_string', 5, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = rng.pick([HUGE_ASCII, HUGE_UNICODE])))],
  ['huge_array', 4, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = new Array<unknown>(100_000).fill(rng.pick([0, 'x', null, {}]))))],
  ['deep_nesting', 5, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = deeplyNested(rng.pick([1_000, 10_000, 100_000]), rng.next() < 0.5)))],
  ['odd_number', 6, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = rng.pick(ODD_NUMBERS)))],
  ['long_unicode', 4, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = LONG_UNICODE))],
  ['lone_surrogate', 4, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = rng.pick(LONE_SURROGATES)))],
  ['proto_json', 4, (rng, valid) => (rng.next() < 0.4 ? JSON.parse('{"__proto__":{"polluted":1}}') : mutate(rng, valid, (container) => defineOwn(container, '__proto__', JSON.parse('{"polluted":1}')), 'container'))],
  ['constructor_prototype', 4, (rng, valid) => mutate(rng, valid, (container) => defineOwn(container, rng.pick(['constructor', 'prototype']), rng.pick([{ prototype: { polluted: 1 } }, { polluted: 1 }])), 'container')],
  ['nested_proto', 3, (rng, valid) => mutate(rng, valid, (container, key) => void (container[key] = JSON.parse('{"a":{"__proto__":{"polluted":1}},"b":[{"constructor":{"prototype":{"polluted":1}}}]}')))],
  ['throwing_getter', 5, (rng, valid) => mutate(rng, valid, (container, key) => throwingGetter(rng, container, key))],
  ['changing_getter', 3, (rng, valid) => mutate(rng, valid, (container, key) => changingGetter(container, key))],
  ['hostile_proxy', 3, (rng, valid) => hostileProxy(rng, valid)],
  ['many_keys', 2, () => Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))],
];
const TOTAL_WEIGHT = GENERATORS.reduce((sum, [, weight]) => sum + weight, 0);

function makeCase(rng: SeededRandom, state: FuzzState): FuzzCase {
  const odd = rng.next() < 0.07;
  const channel = odd ? rng.pick(ODD_CHANNELS) : rng.pick(CHANNELS);
  const validFor = odd ? rng.pick(CHANNELS) : (channel as Channel);
  let pick = rng.next() * TOTAL_WEIGHT;
  const [kind, , generate] = GENERATORS.find(([, weight]) => (pick -= weight) < 0) ?? GENERATORS[0]!;
  const valid = VALID_REQUESTS[validFor](rng, state);
  return { channel, kind: odd ? `odd_channel/${kind}` : kind, payload: generate(rng, valid) };
}

function wrongType(rng: SeededRandom): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => undefined,
    () => 0,
    () => -1,
    () => '',
    () => 'text',
    () => [],
    () => [{}],
    () => true,
    () => false,
    () => 10n,
    () => Symbol('fuzz'),
    () => () => 'a function',
    () => new Date(0),
    () => new Map([['a', 1]]),
    () => Object.create(null),
    () => new Uint8Array(8),
  ])();
}

type Container = Record<string | number, unknown>;

/**
 * A copy of `valid` with one change made by `change` in a container of it (the root, a nested
 * object or array): at one of its keys, or (`where: 'container'`) to the container itself.
 */
function mutate(rng: SeededRandom, valid: unknown, change: (container: Container, key: string | number) => void, where: 'key' | 'container' = 'key'): unknown {
  const copy: unknown = structuredClone(valid);
  if (typeof copy !== 'object' || copy === null) return copy;
  const containers = containersOf(copy);
  const withKeys = containers.filter((c) => Object.keys(c).length > 0);
  if (where === 'container' || withKeys.length === 0) {
    change(rng.pick(containers), 'unexpected');
    return copy;
  }
  const container = rng.pick(withKeys);
  change(container, rng.pick(Object.keys(container)));
  return copy;
}

function containersOf(root: object): Container[] {
  const found: Container[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && found.length < 200) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    found.push(value as Container);
    stack.push(...Object.values(value));
  }
  return found;
}

function defineOwn(container: Container, key: string, value: unknown) {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** Thrown values a buggy transport could surface, including ones that cannot be turned into text. */
const THROWN: Array<() => unknown> = [
  () => new Error('getter exploded'),
  () => new RangeError('Maximum call stack size exceeded'),
  () => 'a thrown string',
  () => ({ toString: () => { throw new Error('toString exploded'); } }),
  () => Symbol('thrown'),
];

function throwingGetter(rng: SeededRandom, container: Container, key: string | number) {
  const thrown = rng.pick(THROWN)();
  Object.defineProperty(container, key, {
    enumerable: true,
    configurable: true,
    get() {
      throw thrown;
    },
  });
}

/** Valid on the first read, hostile after: a handler must see only what the schema read. */
function changingGetter(container: Container, key: string | number) {
  const first = container[key];
  let reads = 0;
  Object.defineProperty(container, key, {
    enumerable: true,
    configurable: true,
    get: () => (reads++ === 0 ? first : JSON.parse('{"__proto__":{"polluted":1}}')),
  });
}

function hostileProxy(rng: SeededRandom, valid: unknown): unknown {
  const target = typeof valid === 'object' && valid !== null ? structuredClone(valid) : {};
  const trap = rng.pick(['get', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has'] as const);
  const thrown = rng.pick(THROWN)();
  return new Proxy(target, {
    [trap]: () => {
      throw thrown;
    },
  });
}

async function sendDirect(dispatch: Dispatch, fuzzCase: FuzzCase, tally: Tally, state: FuzzState, rawPayloads: WeakSet<object>) {
  const { channel, kind, payload } = fuzzCase;
  tally.sent(channel, kind, false);
  if (typeof payload === 'object' && payload !== null) rawPayloads.add(payload);
  const requestId = channel === 'generation:run' && kind === 'valid' ? (payload as { requestId: string }).requestId : undefined;
  if (requestId) state.runningGenerations.add(requestId);
  const context: HandlerContext = { emit: () => {} };
  let result: unknown;
  try {
    result = await withTimeout(Promise.resolve().then(() => dispatch(channel, payload, context)));
  } catch (error) {
    tally.crash(`${label(channel)} ${kind}: dispatch ${error === TIMED_OUT ? `did not answer within ${DISPATCH_TIMEOUT_MS} ms` : `rejected: ${describeError(error)}`}`);
    return;
  } finally {
    if (requestId) state.runningGenerations.delete(requestId);
  }
  const data = tally.answer(channel, kind, result);
  if (data !== NO_DATA && isChannel(channel)) {
    if (!(contract[channel].response as z.ZodType).safeParse(data).success) tally.mismatch(`${channel} ${kind}: the answer does not match the response schema`);
    state.learn(channel, data);
  }
}

const TIMED_OUT = Symbol('timed out');

async function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(TIMED_OUT), DISPATCH_TIMEOUT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

function isChannel(channel: string): channel is Channel {
  return Object.hasOwn(contract, channel);
}

/** Bodies only HTTP can carry: broken, oversized and deeply nested JSON text. */
const HTTP_BODIES: Array<[string, (rng: SeededRandom) => string]> = [
  ['invalid_json', (rng) => rng.pick(['{', '{"a":}', '\u0000', 'undefined', "{'a':1}", '{"a":1}}', '\ufeff{}', '[1,2', 'NaN', '{"a":1e999999999999}garbage'])],
  ['oversized', () => `{"name":"${HUGE_ASCII}"}`],
  ['deep_json', (rng) => {
    const depth = rng.pick([10_000, 100_000]);
    return rng.next() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }],
  ['proto_json', () => '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'],
  ['empty', () => ''],
  ['json_null', () => 'null'],
  ['infinite_number', () => '{"rangeMs":1e999,"limit":-1e999}'],
  ['duplicate_keys', () => '{"name":"first","name":"second","name":{"__proto__":{"polluted":1}}}'],
];

function makeHttpCase(rng: SeededRandom, state: FuzzState): HttpCase {
  if (rng.next() < 0.4) {
    const [kind, body] = rng.pick(HTTP_BODIES);
    const channel = rng.next() < 0.1 ? rng.pick(ODD_CHANNELS) : rng.pick(CHANNELS);
    return { channel, kind: `http/${kind}`, body: Buffer.from(body(rng), 'utf8') };
  }
  const { channel, kind, payload } = makeCase(rng, state);
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch {
    text = undefined;
  }
  return { channel, kind: `http/${kind}`, body: Buffer.from(text ?? 'undefined', 'utf8') };
}

async function sendHttp(web: WebServer, agent: http.Agent, httpCase: HttpCase, tally: Tally) {
  const { channel, kind, body } = httpCase;
  tally.sent(channel, kind, true);
  const answer = await post(`${web.url}/api/invoke/${pathSegment(channel)}`, web.token, body, agent);
  if ('failure' in answer) {
    tally.untypedAnswer(`${label(channel)} ${kind}: HTTP request failed (${answer.failure})`);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    tally.untypedAnswer(`${label(channel)} ${kind}: HTTP ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 80)}`);
    return;
  }
  // Only the dispatcher's own answers come with 200; every other status must carry a typed error.
  if (answer.status !== 200 && (parsed as { ok?: unknown } | null)?.ok !== false) {
    tally.untypedAnswer(`${label(channel)} ${kind}: HTTP ${answer.status} answered ${safeJson(parsed)}`);
    return;
  }
  tally.answer(channel, kind, parsed);
}

/** The channel as a path segment: bytes outside what the server's route allows are percent-encoded. */
function pathSegment(channel: string): string {
  return [...Buffer.from(channel, 'utf8')].map((byte) => (/[\w:.-]/.test(String.fromCharCode(byte)) && byte < 128 ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`)).join('');
}

function post(url: string, token: string, body: Buffer, agent: http.Agent): Promise<{ status: number; text: string } | { failure: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ failure: describeError(error) }));
    });
    req.setTimeout(DISPATCH_TIMEOUT_MS, () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ failure: describeError(error) }));
    req.end(body);
  });
}

async function startFuzzWebServer(dispatch: Dispatch, dataDir: string): Promise<WebServer> {
  const rendererDir = path.join(dataDir, 'fuzz-renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  writeRendererStandIn(rendererDir);
  return startWebServer({ dispatch, rendererDir });
}

async function answersStill(dispatch: Dispatch, workshopId: string): Promise<boolean> {
  const context: HandlerContext = { emit: () => {} };
  const info = await dispatch('app:info', {}, context);
  const runs = await dispatch('runs:list', { workshopId }, context);
  return info.ok && runs.ok;
}

/** Each contract handler, first showing its request to `inspect`. */
function inspectingHandlers(handlers: Handlers, inspect: (channel: Channel, request: unknown) => void): Handlers {
  const wrapped: Record<string, (request: unknown, context: HandlerContext) => Promise<unknown>> = {};
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<unknown>;
    wrapped[channel] = (request, context) => {
      inspect(channel, request);
      return handler(request, context);
    };
  }
  return wrapped as unknown as Handlers;
}

const PROTOTYPE_KEYS = new Set<PropertyKey>(['__proto__', 'constructor', 'prototype']);
const PLAIN_PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, null]);

/**
 * Why a handler's request is not what its schema made, or null: it is the caller's own object, it
 * does not parse again, or somewhere inside it is a proxy, an accessor, an object that is not plain
 * data, or a key that names a prototype.
 */
function findUnparsed(channel: Channel, request: unknown, rawPayloads: WeakSet<object>): string | null {
  if (typeof request === 'object' && request !== null && rawPayloads.has(request)) return 'the caller’s own payload object';
  try {
    const reparsed = (contract[channel].request as z.ZodType).safeParse(request);
    if (!reparsed.success) return `a request that does not parse: ${reparsed.error.issues[0]?.message ?? ''}`;
    return findUnsafeValue(request);
  } catch (error) {
    return `a request that throws when read: ${describeError(error)}`;
  }
}

function findUnsafeValue(root: unknown): string | null {
  const stack: Array<{ value: unknown; at: string }> = [{ value: root, at: 'request' }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (types.isProxy(value)) return `a proxy at ${at}`;
    if (!PLAIN_PROTOTYPES.has(Object.getPrototypeOf(value))) return `an object that is not plain data at ${at}`;
    for (const key of Reflect.ownKeys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `the key ${String(key)} at ${at}`;
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (descriptor.get || descriptor.set) return `an accessor at ${at}.${String(key)}`;
      stack.push({ value: descriptor.value, at: `${at}.${String(key).slice(0, 40)}` });
    }
  }
  return null;
}

const NO_DATA = Symbol('no data');
const ERROR_CODES = new Set<string>(IPC_ERROR_CODES);

class Tally {
  private payloads = 0;
  private viaHttp = 0;
  private crashes = 0;
  private untyped = 0;
  private unparsedCount = 0;
  private mismatches = 0;
  private accepted = 0;
  private rejected = 0;
  private longestErrorMessage = 0;
  private readonly byCode: Record<string, number> = {};
  private readonly byKind: Record<string, number> = {};
  private readonly channels = new Set<Channel>();
  private readonly problems: string[] = [];
  coreAnswersAfter = false;

  sent(channel: string, kind: string, viaHttp: boolean) {
    this.payloads++;
    if (viaHttp) this.viaHttp++;
    this.byKind[kind] = (this.byKind[kind] ?? 0) + 1;
    if (isChannel(channel)) this.channels.add(channel);
  }

  /** Counts an answer by its shape; returns its data when it is a success. */
  answer(channel: string, kind: string, result: unknown): unknown {
    const shape = typedShape(result);
    if (shape === null) {
      this.untypedAnswer(`${label(channel)} ${kind}: untyped answer ${safeJson(result)}`);
      return NO_DATA;
    }
    if (shape.ok) {
      this.accepted++;
      this.byCode['ok'] = (this.byCode['ok'] ?? 0) + 1;
      return shape.data;
    }
    this.rejected++;
    this.byCode[shape.code] = (this.byCode[shape.code] ?? 0) + 1;
    this.longestErrorMessage = Math.max(this.longestErrorMessage, shape.message.length);
    if (shape.code === 'internal') this.problem(`${label(channel)} ${kind}: internal error: ${shape.message.slice(0, 200)}`);
    return NO_DATA;
  }

  crash(problem: string) {
    this.crashes++;
    this.problem(problem);
  }

  untypedAnswer(problem: string) {
    this.untyped++;
    this.problem(problem);
  }

  unparsed(problem: string) {
    this.unparsedCount++;
    this.problem(problem);
  }

  mismatch(problem: string) {
    this.mismatches++;
    this.problem(problem);
  }

  report(): Omit<IpcFuzzReport, 'prototypePollution' | 'heapGrowthMb' | 'durationMs'> {
    return {
      payloads: this.payloads,
      viaHttp: this.viaHttp,
      crashes: this.crashes,
      untyped: this.untyped,
      unparsedReachedHandler: this.unparsedCount,
      responseMismatches: this.mismatches,
      accepted: this.accepted,
      rejected: this.rejected,
      byCode: this.byCode,
      byKind: this.byKind,
      channelsExercised: [...this.channels].sort(),
      longestErrorMessage: this.longestErrorMessage,
      coreAnswersAfter: this.coreAnswersAfter,
      problems: this.problems,
    };
  }

  private problem(text: string) {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
  }
}

type TypedShape = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/** The result as the contract types it, or null when it is anything else. */
function typedShape(result: unknown): TypedShape | null {
  if (typeof result !== 'object' || result === null) return null;
  const { ok, data, error } = result as { ok?: unknown; data?: unknown; error?: unknown };
  if (ok === true && 'data' in result) return { ok: true, data };
  if (ok !== false || typeof error !== 'object' || error === null) return null;
  const { code, message, field } = error as { code?: unknown; message?: unknown; field?: unknown };
  if (typeof code !== 'string' || !ERROR_CODES.has(code)) return null;
  if (typeof message !== 'string' || message.trim() === '') return null;
  if (field !== undefined && typeof field !== 'string') return null;
  return { ok: false, code, message };
}

function prototypeKeys(): string[] {
  const prototypes: Array<[string, object]> = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
  ];
  return prototypes.flatMap(([name, prototype]) => Reflect.ownKeys(prototype).map((key) => `${name}.prototype.${String(key)}`));
}

let collectGarbage: (() => void) | undefined;

function heapUsedAfterGc(): number {
  if (!collectGarbage) {
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
  }
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function label(channel: string): string {
  return JSON.stringify(channel.length > 40 ? `${channel.slice(0, 40)}…` : channel);
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
  } catch {
    return 'a thrown value that cannot be shown';
  }
}

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return 'a value that cannot be shown';
  }
}
