import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

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

export { CONTRACTS_DIR, jsonSchemaValidators, loadJsonSchema, REPO_ROOT } from './support/json-schema';
