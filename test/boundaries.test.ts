/**
 * The module boundaries `npm run lint` enforces: the real tree has no violation, and each rule
 * catches a violation planted in a small tree of its own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const config = require(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;
const { MAY_IMPORT } = require(path.join(root, 'scripts/module-map.cjs')) as { MAY_IMPORT: Record<string, string[]> };

async function violations(baseDir: string, options: IConfiguration['options'] = config.options): Promise<Array<{ rule: string; from: string; to: string }>> {
  const cwd = process.cwd();
  process.chdir(baseDir);
  try {
    const result = await cruise(['src'], { ruleSet: { forbidden: config.forbidden }, validate: true, ...options, outputType: 'json' });
    const output = JSON.parse(result.output as string) as ICruiseResult;
    // A cruise that read nothing would pass any rule: the tree must have been read.
    expect(output.summary.totalCruised).toBeGreaterThan(5);
    return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    process.chdir(cwd);
  }
}

const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-boundaries-'));
afterAll(() => fs.rmSync(planted, { recursive: true, force: true }));

function plant(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(planted, file)), { recursive: true });
    fs.writeFileSync(path.join(planted, file), text);
  }
}

describe('module boundaries', () => {
  it('the module table is layered: each module imports only modules listed before it', () => {
    const order = Object.keys(MAY_IMPORT);
    for (const [name, allowed] of Object.entries(MAY_IMPORT)) {
      for (const other of allowed) expect(order.indexOf(other), `${name} may import ${other}`).toBeLessThan(order.indexOf(name));
    }
  });

  it('docs/ARCHITECTURE.md draws the same table, one row per module folder', () => {
    const doc = fs.readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| (\w+) \| [^|]+ \| ([^|]+) \|$/gm)].filter(([, name]) => name !== 'module');
    const documented = Object.fromEntries(rows.map(([, name, imports]) => [name, imports!.trim() === '–' ? [] : imports!.split(',').map((m) => m.trim())]));
    expect(documented).toEqual(MAY_IMPORT);
    const folders = fs.readdirSync(path.join(root, 'src/main'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('the source tree has no violation', async () => {
    expect(await violations(root)).toEqual([]);
  }, 60_000);

  it('catches a planted cycle, deep import, Electron outside the shell, Node and React in shared, and main in the renderer', async () => {
    plant({
      'src/main/world/index.ts': "export { seen } from './reader';\n",
      'src/main/world/reader.ts': "import { run } from '../generation/pipeline';\nexport const seen = run;\n",
      'src/main/world/window.ts': "import { app } from 'electron';\nexport const shell = app;\n",
      'src/main/generation/index.ts': "export { run } from './pipeline';\n",
      'src/main/generation/pipeline.ts': "import { seen } from '../world';\nexport const run = () => seen;\n",
      'src/main/stray.ts': "import { seen } from './world';\nexport const stray = seen;\n",
      'src/shared/model.ts': "import fs from 'node:fs';\nimport { useState } from 'react';\nexport const model = [fs, useState];\n",
      'src/renderer/view.ts': "import { run } from '../main/generation';\nexport const view = run;\n",
      'src/cli/command.ts': "import { run } from '../main/generation/pipeline';\nexport const command = run;\n",
    });
    const { tsConfig: _ownTsConfig, ...options } = config.options ?? {};
    const found = await violations(planted, options);
    const rules = new Set(found.map((v) => v.rule));
    expect([...rules].sort()).toEqual(['cli-through-index', 'electron-in-desktop-only', 'module-world', 'no-deep-import', 'no-module-cycle', 'renderer-no-main', 'shared-is-portable', 'shared-no-node', 'unknown-module']);
    expect(found).toContainEqual({ rule: 'module-world', from: 'src/main/world/reader.ts', to: 'src/main/generation/pipeline.ts' });
    expect(found).toContainEqual({ rule: 'no-deep-import', from: 'src/main/world/reader.ts', to: 'src/main/generation/pipeline.ts' });
    expect(found).toContainEqual({ rule: 'cli-through-index', from: 'src/cli/command.ts', to: 'src/main/generation/pipeline.ts' });
  }, 60_000);
});
