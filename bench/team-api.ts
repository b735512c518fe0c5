/**
 * The local API's part of `npm run bench -- team`: GET /api/performance/metrics through browser
 * mode (the real web server with its Host, Origin and token checks, the dispatcher, the monitor's
 * live view, the response schema check) at 32 concurrent keep-alive connections from a worker thread. A warm-up second,
 * then rounds of a few seconds each; the figures are the rounds' medians. Target: at least 1,000
 * requests/s with p95 under 100 ms. The metrics route's rate limit is raised for this client
 * through the server's own option (the app keeps the table's 50/s).
 *
 * Run alone: `npm run bench -- team-api`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startBrowserMode } from '../src/main/web';
import { briefInputSchema } from '../src/shared/brief';
import { writeRendererStandIn } from '../test/support/renderer-stand-in';
import { median, round } from './_measure';

const CONCURRENCY = 32;
const WARMUP_MS = 2000;
const ROUND_MS = 3000;
const ROUNDS = 3;

export async function measureApi(): Promise<{ apiRps: number; apiP95Ms: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-api-bench-'));
  const rendererDir = writeRendererStandIn(fs.mkdtempSync(path.join(os.tmpdir(), 'persona-api-page-')));
  const app = await startBrowserMode({
    core: { dataDir, resources: null, env: {}, monitor: { autoStart: false } },
    rendererDir,
    apiRateLimits: { metrics: { perSecond: 1_000_000, burst: 1_000_000 } },
    onInternalError: (channel, error) => console.error(`[bench] ${channel}: ${String(error)}`),
  });
  try {
    // A few runs so that the live view has traces, latencies and cache figures to report.
    for (let seed = 1; seed <= 3; seed++) await app.core.generate(briefInputSchema.parse({ description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 3, level: 'standard', seed }));
    const url = new URL('/api/performance/metrics', app.server.url);
    await load(url, app.server.token, WARMUP_MS);
    const rounds: Array<{ rps: number; p95: number }> = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await load(url, app.server.token, ROUND_MS));
    const apiRps = round(median(rounds.map((r) => r.rps)), 0);
    const apiP95Ms = round(median(rounds.map((r) => r.p95)), 1);
    console.log(`api: GET /api/performance/metrics at ${CONCURRENCY} concurrent: ${apiRps} req/s, p95 ${apiP95Ms} ms (median of ${ROUNDS} rounds of ${ROUND_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up; rounds ${rounds.map((r) => `${round(r.rps, 0)}/s ${round(r.p95, 1)} ms`).join(', ')})`);
    return { apiRps, apiP95Ms };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}

/**
 * The load: CONCURRENCY callers, each sending its next request as soon as the last is answered, for
 * `ms`. In a worker thread, as a dashboard would be another process: in the server's own thread the
 * client's work would be counted against the server's event loop. Plain JavaScript, so the worker
 * needs no TypeScript loader.
 */
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, concurrency, ms } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = () => new Promise((resolve, reject) => {
  const req = http.get(url, { agent, headers: { Authorization: 'Bearer ' + token } }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
  req.on('error', reject);
});
(async () => {
  const latencies = [];
  const start = performance.now();
  const end = start + ms;
  let bad = 0;
  const caller = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      const status = await get();
      if (status !== 200) bad = status;
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  agent.destroy();
  parentPort.postMessage({ latencies, elapsedMs: performance.now() - start, bad });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

async function load(url: URL, token: string, ms: number): Promise<{ rps: number; p95: number }> {
  const worker = new Worker(CLIENT, { eval: true, workerData: { url: url.href, token, concurrency: CONCURRENCY, ms } });
  const result = await new Promise<{ latencies?: number[]; elapsedMs?: number; bad?: number; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (result.error) throw new Error(`The bench client failed: ${result.error}`);
  if (result.bad) throw new Error(`GET ${url.pathname} answered ${result.bad} under load; expected 200 (is the bench client's rate limit raised?).`);
  const latencies = result.latencies!.sort((a, b) => a - b);
  return { rps: latencies.length / (result.elapsedMs! / 1000), p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { apiRps, apiP95Ms } = await measureApi();
  console.log(`team-api: api_rps=${apiRps} api_p95_ms=${apiP95Ms}`);
}
