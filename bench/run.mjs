#!/usr/bin/env node
// npm run bench -- NAME: runs bench/NAME.ts under tsx; with no NAME, lists the benchmarks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const names = fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !f.startsWith('_')).map((f) => f.slice(0, -3));
const [name, ...rest] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.error(`${name ? `No benchmark called "${name}". ` : ''}Usage: npm run bench -- NAME, with NAME one of: ${names.join(', ')}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`), ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
