/**
 * Balancing between an engine's servers, part of `npm run bench -- team` (issue 24): three test
 * servers on 127.0.0.1, one 5× slower, each slowing down past 4 requests in flight (as a model
 * server does), and the same workload (200 one-persona generations, 8 at a time, through the real
 * scheduler and Ollama provider) routed by the endpoint router and by plain round-robin.
 * - balanceVsRr: the router's throughput over round-robin's (target ≥ 1.5), medians over runs
 *   alternating between the two after a warm-up of each;
 * - p95Ms / rrP95Ms: each one's median p95 call latency (target: the router's no worse).
 * Runnable alone: npm run bench -- team-balance.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OllamaProvider } from '../src/main/providers/llm/ollama';
import type { PersonaRequest } from '../src/main/providers/types';
import { endpointTargets, Scheduler } from '../src/main/scheduler';
import type { LlmEndpoint } from '../src/shared/settings';
import { personaRequestFor } from '../test/support/llm-answers';
import { median, round } from './_measure';

const CALLS = 200;
const CONCURRENCY = 8;
const FAST_MS = 40;
const WARMUP = 1;
const REPEAT = 5;

export interface BalanceFigures {
  balanceVsRr: number;
  p95Ms: number;
  rrP95Ms: number;
}

interface Run {
  perSecond: number;
  p95Ms: number;
}

/** One contender: a scheduler, and which server an attempt goes to (the router's choice, or its own). */
type Route = (chosen: string | undefined) => string | undefined;

async function workload(scheduler: Scheduler, provider: OllamaProvider, request: PersonaRequest, route: Route): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < CALLS) {
        const begun = performance.now();
        await scheduler.call({
          provider: provider.id,
          kind: 'generate',
          priority: 'high',
          units: 1,
          run: (signal, _attempt, chosen) => {
            const baseUrl = route(chosen);
            return provider.generate(request, { signal, ...(baseUrl ? { baseUrl } : {}) });
          },
        });
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return { perSecond: (CALLS * 1000) / wall, p95Ms: latencies[Math.floor(latencies.length * 0.95)]! };
}

export async function measureBalancing(): Promise<BalanceFigures> {
  const request = await personaRequestFor('Budgeting app for university students in Manchester', 'simple', 1, 3);
  // The servers run in a child process: in this one their CPU would slow the client both contenders share.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), '_balance-servers.ts'), ...[FAST_MS, FAST_MS, FAST_MS * 5].map(String)], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const urls = JSON.parse(line) as string[];
    const endpoint: LlmEndpoint = { baseUrl: urls[0]!, model: 'm', stream: false, temperature: 0, servers: urls.slice(1).map((baseUrl) => ({ baseUrl, weight: 1 })) };
    const targets = endpointTargets(endpoint).map((t) => t.baseUrl);
    const provider = new OllamaProvider(() => endpoint);
    const fixed = { resources: null, limits: { initial: CONCURRENCY, adaptive: false } } as const;
    // The router: the scheduler knows the servers and picks one per attempt.
    const routed = new Scheduler({ ...fixed, endpoints: (id) => (id === provider.id ? endpointTargets(endpoint) : []) });
    // Round-robin: the scheduler knows no servers; each attempt takes the next in turn.
    const plain = new Scheduler(fixed);
    let turn = 0;
    const contenders: [[Scheduler, Route], [Scheduler, Route]] = [
      [routed, (chosen) => chosen],
      [plain, () => targets[turn++ % targets.length]],
    ];
    for (let i = 0; i < WARMUP; i++) for (const [s, route] of contenders) await workload(s, provider, request, route);
    const runs: [Run[], Run[]] = [[], []];
    for (let i = 0; i < REPEAT; i++) for (const side of [0, 1] as const) runs[side].push(await workload(contenders[side][0], provider, request, contenders[side][1]));
    routed.close();
    plain.close();
    const [balanced, roundRobin] = runs.map((r) => ({ perSecond: median(r.map((x) => x.perSecond)), p95Ms: median(r.map((x) => x.p95Ms)) }));
    console.log(
      `balance: router ${balanced!.perSecond.toFixed(0)} calls/s p95 ${balanced!.p95Ms.toFixed(0)} ms; round-robin ${roundRobin!.perSecond.toFixed(0)} calls/s p95 ${roundRobin!.p95Ms.toFixed(0)} ms ` +
        `(${CALLS} calls at ${CONCURRENCY}, servers ${FAST_MS}/${FAST_MS}/${FAST_MS * 5} ms, medians of ${REPEAT} alternating runs after ${WARMUP} warm-up; the router sent ${routedShare(routed, provider.id)})`,
    );
    return { balanceVsRr: round(balanced!.perSecond / roundRobin!.perSecond, 2), p95Ms: round(balanced!.p95Ms, 1), rrP95Ms: round(roundRobin!.p95Ms, 1) };
  } finally {
    child.stdin!.end();
  }
}

/** How many calls the router sent to each server, fastest first. */
function routedShare(scheduler: Scheduler, provider: string): string {
  return scheduler.endpoints(provider).map((e) => `${e.calls} to a ${e.latencyMs === null ? '?' : Math.round(e.latencyMs * 2)} ms server`).join(', ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await measureBalancing();
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`team-balance: balance_vs_rr=${r.balanceVsRr} (target ≥ 1.5: ${met(r.balanceVsRr >= 1.5)}) p95_ms=${r.p95Ms} rr_p95_ms=${r.rrP95Ms} (no worse: ${met(r.p95Ms <= r.rrP95Ms)})`);
}
