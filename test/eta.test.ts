/**
 * A generation's time left, against the stand-in Ollama server answering every call after a fixed
 * latency: nothing before the engine has a history, this run's pace once its first answers arrive,
 * and on the next run an estimate within its bound of the time that was actually left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/main/core/core';
import { briefInputSchema } from '../src/shared/brief';
import type { ProgressPhase } from '../src/shared/workshop';
import { describeTimeLeft } from '../src/shared/time-left';
import { EtaLine } from '../src/cli/eta-line';
import { tempDir } from './helpers';
import type { ProviderServer } from './support/provider-server';
import { serve } from './support/rules-fixture';

const CALL_LATENCY_MS = 150;
/** 24 personas at one call at a time: three calls of eight, so three answers arrive in turn. */
const COUNT = 24;
const PER_CALL = 8;
const BOUND = 0.35;

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function ollamaCore(dataDir: string, url: string): Core {
  const core = createCore({ dataDir, resources: null, env: {}, scheduler: { limits: { initial: 1, adaptive: false }, retry: { initialDelayMs: 5, maxDelayMs: 20 } } });
  cores.push(core);
  core.settings.update({ provider: 'ollama', ollama: { baseUrl: url, model: 'llama3.1:8b', stream: false } });
  return core;
}

/**
 * Every call answered after the same latency, each of a run's three calls with its own eight of the
 * stand-in's 24 personas (its default answers overlap between calls, which would add rounds).
 */
async function slowServer(): Promise<ProviderServer> {
  const server: ProviderServer = await serve({
    script: (request) => ({ latencyMs: CALL_LATENCY_MS, content: server.personasAnswer(request.asked?.count ?? 1, request.asked?.level, request.index * PER_CALL) }),
  });
  return server;
}

interface Seen {
  phase: ProgressPhase;
  done: number;
  etaMs: number | null;
  at: number;
}

/** One run's progress events, each with the time that was actually left after it. */
async function generate(core: Core, seed: number): Promise<Array<Seen & { leftMs: number }>> {
  const seen: Seen[] = [];
  const brief = briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: COUNT, level: 'standard', seed });
  const { fallback } = await core.generate(brief, { onProgress: (phase, done, _total, etaMs) => seen.push({ phase, done, etaMs, at: performance.now() }) });
  const end = performance.now();
  expect(fallback).toBeUndefined();
  return seen.map((event) => ({ ...event, leftMs: end - event.at }));
}

/** The first event at each count: when a round is combined, the counts already shown are reported again. */
function firstPerCount<T extends { done: number }>(events: T[]): T[] {
  return events.filter((e, i) => events.findIndex((other) => other.done === e.done) === i);
}

describe('time left of a generation', () => {
  it('is null before the engine has any history, then comes from the first answers and falls as they arrive', async () => {
    const server = await slowServer();
    const events = await generate(ollamaCore(tempDir(), server.url), 1);
    const firstAnswer = events.findIndex((e) => e.phase === 'generate' && e.done > 0);
    expect(firstAnswer).toBeGreaterThan(0);
    expect(events.slice(0, firstAnswer).map((e) => e.etaMs)).toEqual(Array(firstAnswer).fill(null));
    const answers = firstPerCount(events.filter((e) => e.phase === 'generate' && e.done > 0));
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const e of answers) expect(e.etaMs).not.toBeNull();
    const etas = answers.map((e) => e.etaMs!);
    for (let i = 1; i < etas.length; i++) expect(etas[i]).toBeLessThan(etas[i - 1]!);
  });

  it('on the next run, every estimate is within 35 % of the time actually left, and it survives a restart', async () => {
    const server = await slowServer();
    const dataDir = tempDir();
    const core = ollamaCore(dataDir, server.url);
    await generate(core, 1);
    const second = await generate(core, 2);
    expect(second[0]!.etaMs).not.toBeNull();
    // Events in the last moments (saving) leave a few milliseconds: a ratio of those measures timer noise.
    const measured = second.filter((e) => e.leftMs >= CALL_LATENCY_MS / 2);
    expect(measured.length).toBeGreaterThanOrEqual(5);
    for (const e of measured) expect(Math.abs(e.etaMs! - e.leftMs) / e.leftMs, `${e.phase} ${e.done}: ${e.etaMs} ms estimated, ${e.leftMs.toFixed(0)} ms left`).toBeLessThanOrEqual(BOUND);
    const generating = firstPerCount(second.filter((e) => e.phase === 'generate')).map((e) => e.etaMs!);
    for (let i = 1; i < generating.length; i++) expect(generating[i]).toBeLessThan(generating[i - 1]!);

    // A new core on the same data folder starts from the runs before it.
    core.close();
    cores.splice(cores.indexOf(core), 1);
    const third = await generate(ollamaCore(dataDir, server.url), 3);
    const start = third[0]!;
    expect(start.etaMs).not.toBeNull();
    expect(Math.abs(start.etaMs! - start.leftMs) / start.leftMs).toBeLessThanOrEqual(BOUND);
  });
});

describe('time left in words', () => {
  it('rounds as a person would say it', () => {
    expect(describeTimeLeft(4_000, true)).toBe('Less than 10 s left');
    expect(describeTimeLeft(41_000)).toBe('about 40 s left');
    expect(describeTimeLeft(79_000, true)).toBe('About 1 min 20 s left');
    expect(describeTimeLeft(120_000)).toBe('about 2 min left');
    expect(describeTimeLeft(22 * 60_000)).toBe('about 22 min left');
    expect(describeTimeLeft(65 * 60_000)).toBe('about 1 h 5 min left');
  });

  it('the CLI stays quiet for 3 s, then prints at most once a second, in place on a terminal', () => {
    let now = 0;
    const lines: string[] = [];
    const line = new EtaLine({ line: (t) => lines.push(t) }, () => now);
    for (now = 0; now <= 5_000; now += 250) line.update(60_000 - now);
    // From 3 s on, once a second; a line that would say the same again is not repeated.
    expect(lines).toEqual(['about 55 s left']);
    line.update(null);

    const raw: string[] = [];
    now = 0;
    const tty = new EtaLine({ line: () => raw.push('LINE'), inPlace: (t) => raw.push(t) }, () => now);
    for (now = 0; now <= 4_500; now += 500) tty.update(20_000);
    tty.end();
    expect(raw).toEqual(['\rabout 20 s left', '\rabout 20 s left', '\r               \r']);
  });
});
