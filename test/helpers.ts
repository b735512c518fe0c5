import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../src/cli/index';

const made: string[] = [];

/** A fresh folder for one test's data, removed after the test. */
export function tempDir(prefix = 'persona-studio-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs persona-studio in this process and collects what it prints; `stdin` is what it reads on standard input. */
export async function cli(args: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), ...(stdin !== undefined ? { readStdin: async () => stdin } : {}) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export { CONTRACTS_DIR, jsonSchemaValidators, loadJsonSchema, REPO_ROOT } from './support/json-schema';
