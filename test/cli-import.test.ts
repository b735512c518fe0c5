/**
 * `persona-studio import` on real data folders: a dry run prints the persona document and leaves
 * app.db as it was; an import saves a run marked imported (into a workshop made by name when none
 * has it); standard input works; nothing that is a persona exits 1 with the reason; a bundle is
 * sent to `workshops import`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/main/core/core';
import { cli, tempDir } from './helpers';

const MARKDOWN = `# Personas for a repair café app

## Ingrid Larsen
- **Age:** 52
- **Location:** Aarhus, Denmark
- **Occupation:** Bicycle mechanic
- **Goals:**
  - Book volunteers for the Saturday café
- **Pain points:**
  - People bring broken toasters without the parts

## Kofi Mensah
- **Age:** 27
- **Location:** Accra, Ghana
- **Occupation:** Electronics student
- **Goals:**
  - Learn to fix phone screens
- **Pain points:**
  - Spare parts are sold only in bulk
`;

function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Runs and workshops as app.db holds them, opened in a core of its own. */
function contents(dataDir: string) {
  const core = createCore({ dataDir, resources: null, monitor: { autoStart: false } });
  try {
    return { workshops: core.workshops.list({ includeArchived: true }).map((w) => w.name), runs: core.workshops.searchRuns('') };
  } finally {
    core.close();
  }
}

describe('persona-studio import', () => {
  it('--dry-run --json prints the persona document with its report and leaves app.db untouched', async () => {
    const data = tempDir();
    const file = writeFile(tempDir(), 'cafe.md', MARKDOWN);
    // A first command makes app.db, so the dry run has a file to leave alone.
    expect((await cli(['workshops', 'list', '--data', data])).code).toBe(0);
    const db = path.join(data, 'app.db');
    const before = { bytes: fs.readFileSync(db), state: contents(data) };
    const dry = await cli(['import', file, '--dry-run', '--json', '--level', 'simple', '--data', data]);
    expect(dry.code, dry.err).toBe(0);
    const document = JSON.parse(dry.out) as { schemaVersion: number; level: string; personas: Array<{ name: string }>; report: { issues: unknown[] }; import: { format: string; personas: Array<{ name: string; read: string[]; filled: string[] }> } };
    expect(document).toMatchObject({ schemaVersion: 1, level: 'simple', import: { format: 'markdown', sourceName: 'cafe.md' } });
    expect(document.personas.map((p) => p.name)).toEqual(['Ingrid Larsen', 'Kofi Mensah']);
    expect(document.report.issues.length).toBeGreaterThan(0);
    expect(document.import.personas[0]!.read).toEqual(expect.arrayContaining(['name', 'age', 'occupation']));
    expect(contents(data)).toEqual(before.state);
    expect(fs.readFileSync(db).equals(before.bytes)).toBe(true);
  });

  it('saves a run marked imported into a workshop made by name, and reads standard input with -', async () => {
    const data = tempDir();
    const file = writeFile(tempDir(), 'cafe.md', MARKDOWN);
    const saved = await cli(['import', file, '--workshop', 'Repair cafés', '--title', 'Café volunteers', '--data', data]);
    expect(saved.code, saved.err).toBe(0);
    expect(saved.out).toMatch(/^Imported 2 personas into Repair cafés as run [0-9a-f-]{36} \(Café volunteers\)/);
    expect(saved.out).toMatch(/Ingrid Larsen: read \d+, repaired \d+, filled \d+/);
    const after = contents(data);
    expect(after.workshops).toContain('Repair cafés');
    expect(after.runs).toHaveLength(1);
    expect(after.runs[0]).toMatchObject({ provider: 'imported', title: 'Café volunteers', count: 2 });

    // The same name in another case is the same workshop; standard input is read as text.
    const piped = await cli(['import', '-', '--workshop', 'repair CAFÉS', '--json', '--data', data], MARKDOWN);
    expect(piped.code, piped.err).toBe(0);
    const result = JSON.parse(piped.out) as { preview: { sourceName: string }; run: { title: string; workshopId: string } };
    expect(result.preview.sourceName).toBe('standard input');
    expect(result.run.title).toBe('Imported from standard input');
    const final = contents(data);
    expect(final.workshops.filter((w) => w === 'Repair cafés')).toHaveLength(1);
    expect(final.runs).toHaveLength(2);
    expect(new Set(final.runs.map((r) => r.workshopId)).size).toBe(1);
  });

  it('exits 1 with the reason when nothing is a persona, and 2 on usage errors', async () => {
    const data = tempDir();
    const refused = await cli(['import', '-', '--data', data], "I'm sorry, but I can't create profiles of real or fictional people.");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: No persona found in standard input: the text is a refusal/);
    const empty = await cli(['import', '-', '--data', data], '   \n');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^error: standard input is empty/);
    const unrelated = await cli(['import', writeFile(tempDir(), 'notes.txt', 'Remember to water the plants and call the plumber on Tuesday.'), '--data', data]);
    expect(unrelated.code).toBe(1);
    expect(unrelated.err).toMatch(/^error: No persona found in notes\.txt/);
    expect((await cli(['import', path.join(data, 'missing.md'), '--data', data])).err).toMatch(/^error: cannot read .*missing\.md \(ENOENT\)/);
    expect(contents(data).runs).toHaveLength(0);

    expect((await cli(['import', '--data', data])).code).toBe(2);
    expect((await cli(['--help'])).out).toContain('persona-studio import FILE|- [--workshop NAME] [--level LEVEL]');
    expect((await cli(['import', 'a.md', '--level', 'expert', '--data', data])).err).toMatch(/^error: --level must be one of simple, standard, b2b/);
    expect((await cli(['import', 'a.md', '--description', 'short', '--data', data])).code).toBe(2);
    expect((await cli(['import', '-', '--data', data])).err).toMatch(/^error: import - reads standard input/);
  });

  it('sends a workshop bundle to workshops import', async () => {
    const data = tempDir();
    expect((await cli(['generate', 'Meal kits for busy parents in Lyon', '--count', '2', '--data', data])).code).toBe(0);
    const bundle = path.join(tempDir(), 'team.psw.json.gz');
    const workshops = contents(data).workshops;
    expect((await cli(['workshops', 'export', workshops[0]!, '--out', bundle, '--data', data])).code).toBe(0);
    const result = await cli(['import', bundle, '--data', data]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/is a workshop bundle .*persona-studio workshops import /);
  });
});
