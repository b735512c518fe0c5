/**
 * Secrets: browser mode runs in a child process with known fake API keys, against the test
 * provider server, which sometimes refuses the key and quotes it back (as real APIs do). After
 * generations, refusals, exports in every format, a backup and a crash, every place a key could
 * surface is searched for it: IPC responses and pushed events (all the renderer ever receives),
 * the process's stdout and stderr (logs and crash output), the exports, and every file in the data
 * folder (app.db, its WAL, cache.db, backups). Only the provider server may see the keys.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { EXPORT_FORMATS } from '../../src/shared/vocabulary';
import { ProviderServer } from '../support/provider-server';

export interface SecretScanReport {
  /** Places where a key was found, e.g. "app.db" or "IPC response to runs:get". */
  leaks: string[];
  /** What was searched, so a scan that searched nothing cannot pass. */
  searched: { ipcResponses: number; events: number; logBytes: number; files: number; exports: number };
  /** Requests the provider server received carrying the key: proof the keys were in use. */
  keyedRequests: number;
  /** Runs that went through the refusal path (the provider quoted the key back). */
  refusals: number;
  /** The child crashed as asked, so its crash output was searched. */
  crashed: boolean;
}

export const FAKE_KEYS = {
  // As long as OpenAI's project keys: a message cut at 160 characters must not keep half of it.
  openai: `sk-proj-canary-${'7f3a9c1e5b2d4680'.repeat(11)}-openai`,
  gemini: 'AIza-canary-2b4d6f8091ace357-gemini',
  qloo: 'qloo-canary-9e8d7c6b5a493827',
} as const;

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(import.meta.dirname, 'secrets-child.ts');

export async function runSecretScan(dataDir: string, rendererDir = path.join(ROOT, 'out', 'renderer')): Promise<SecretScanReport> {
  let refusals = 0;
  // Every third chat is refused with the key quoted back, the way OpenAI's 401 names the key it got.
  const provider = await ProviderServer.start({
    script: (request) => {
      if (request.route !== 'chat' || request.index % 3 !== 0) return {};
      refusals++;
      const key = String(request.headers['authorization'] ?? request.headers['x-goog-api-key'] ?? '').replace(/^Bearer /, '');
      return { status: 401, rawBody: JSON.stringify({ error: { message: `Incorrect API key provided: ${key}. You can find your API key in your account.` } }) };
    },
  });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, rendererDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QLOO_API_KEY: FAKE_KEYS.qloo } });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const leaks: string[] = [];
  const searched = { ipcResponses: 0, events: 0, logBytes: 0, files: 0, exports: 0 };
  const scan = (where: string, text: string) => {
    // A key cut short is still a leak: its first and last 24 characters count as much as the whole.
    for (const [name, key] of Object.entries(FAKE_KEYS)) if ([key, key.slice(0, 24), key.slice(-24)].some((part) => text.includes(part))) leaks.push(`${where} (${name} key)`);
  };
  try {
    const launchUrl = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('ready ') && resolve(line.slice(6)));
      child.once('exit', (code) => reject(new Error(`browser mode exited (${code}) before it was ready: ${log}`)));
    });
    const url = new URL(launchUrl);
    const token = url.searchParams.get('token')!;
    const events = await openEvents(url.origin, token, (text) => {
      searched.events++;
      scan('a pushed event', text);
    });
    const invoke = async (channel: string, body: unknown) => {
      const text = await post(`${url.origin}/api/invoke/${channel}`, token, body);
      searched.ipcResponses++;
      scan(`the IPC response to ${channel}`, text);
      return JSON.parse(text) as { ok: boolean; data?: unknown; error?: { message: string } };
    };

    const saved = await invoke('settings:update', {
      change: {
        provider: 'openai',
        openai: { baseUrl: `${provider.url}/v1`, model: 'local-model', stream: false, apiKey: FAKE_KEYS.openai },
        gemini: { baseUrl: provider.url, apiKey: FAKE_KEYS.gemini },
      },
    });
    if (!saved.ok) throw new Error(`settings:update failed: ${saved.error?.message}`);
    const runIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Half through each keyed engine: OpenAI's key in a header, Gemini's in x-goog-api-key.
      const providerId = i % 2 === 0 ? 'openai' : 'gemini';
      const result = await invoke('generation:run', { requestId: randomUUID(), providerId, brief: { description: 'Eco-friendly meal-kit delivery for busy parents in Lyon', count: 2, level: 'standard', seed: i + 1 } });
      if (result.ok) runIds.push((result.data as { run: { id: string } }).run.id);
    }
    await invoke('providers:probe', { providerId: 'gemini' });
    await invoke('providers:probe', { providerId: 'openai' });
    for (const channel of ['settings:get', 'app:info', 'scheduler:status', 'monitor:live', 'monitor:traces', 'monitor:suggestions', 'alerts:list', 'recovery:state']) await invoke(channel, {});
    const info = await invoke('app:info', {});
    await invoke('runs:list', { workshopId: (info.data as { currentWorkshopId: string }).currentWorkshopId });
    await invoke('runs:search', { query: '' });
    const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-exports-'));
    for (const runId of runIds.slice(0, 2)) {
      await invoke('runs:get', { runId });
      for (const format of EXPORT_FORMATS) {
        const exported = await invoke('reports:export', { requestId: randomUUID(), runId, format });
        if (!exported.ok) continue;
        const { fileName, base64 } = exported.data as { fileName: string; base64: string };
        const file = path.join(exportsDir, fileName);
        fs.writeFileSync(file, Buffer.from(base64, 'base64'));
        searched.exports++;
        scan(`the ${format} export`, fs.readFileSync(file, 'latin1'));
        if (format === 'pdf') scan('the PDF export\'s text', pdfText(file));
      }
    }
    fs.rmSync(exportsDir, { recursive: true, force: true });
    events.close();
    // A crash from inside the core; its output is part of the log searched below.
    child.kill('SIGUSR2');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await provider.close();
  }
  searched.logBytes = log.length;
  scan('the process output (logs and crash)', log);
  for (const file of filesUnder(dataDir)) {
    searched.files++;
    scan(path.relative(dataDir, file), fs.readFileSync(file).toString('latin1'));
  }
  const keyedRequests = provider.requests.filter((r) => JSON.stringify(r.headers).includes(FAKE_KEYS.openai) || JSON.stringify(r.headers).includes(FAKE_KEYS.gemini)).length;
  return { leaks, searched, keyedRequests, refusals, crashed: log.includes('stopped on an unexpected error') };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The PDF's text through pdftotext when it is installed (its streams are compressed). */
function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

function post(url: string, token: string, body: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function openEvents(origin: string, token: string, onText: (text: string) => void): Promise<{ close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}/api/events?token=${token}`, (res) => {
      res.on('data', (chunk: Buffer) => onText(chunk.toString()));
      resolve({ close: () => req.destroy() });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
  });
}
