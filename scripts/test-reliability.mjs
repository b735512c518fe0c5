#!/usr/bin/env node
// npm run test:reliability: the long reliability suites (50 kill trials, 10,000 fuzz payloads,
// 1,000 chaos calls) with RELIABILITY=long; `npm test` runs a short seeded subset of each.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['vitest', 'run', 'test/reliability', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, RELIABILITY: 'long' },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
