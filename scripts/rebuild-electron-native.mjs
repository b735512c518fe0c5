#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside the Node build the tests
// use, so neither `npm install` nor `npm test` ever changes which binary Node loads. Needs network
// access to Electron's headers; `npm start` runs it only when the binary is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, '.electron-native', 'better_sqlite3.node');
if (process.argv.includes('--if-missing') && fs.existsSync(target)) process.exit(0);

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-electron-'));
try {
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (one minute or so)...`);
  execFileSync('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    stdio: 'inherit',
  });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`Wrote ${path.relative(root, target)}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
