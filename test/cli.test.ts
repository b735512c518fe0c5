import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PersonaDocument } from '../src/shared/persona';
import { REPO_ROOT, cli, jsonSchemaValidators, tempDir } from './helpers';

const exec = promisify(execFile);

/** Runs the real command as a user would, in a child process. */
async function spawnCli(args: string[]) {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', 'cli', '--', ...args], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('persona-studio CLI', () => {
  const usageErrors: Array<[string, string[], RegExp]> = [
    ['an empty brief', ['generate', ''], /^error: the brief is too short: .*at least 10 characters \(it is empty\)/],
    ['no brief at all', ['generate'], /^error: the brief .*at least 10 characters/],
    ['count 0', ['generate', 'Meal kits for parents', '--count', '0'], /^error: --count must be a whole number from 1 to 50 \(got 0\)/],
    ['count over 50', ['generate', 'Meal kits for parents', '--count', '51'], /^error: --count must be a whole number from 1 to 50 \(got 51\)/],
    ['count not a number', ['generate', 'Meal kits for parents', '--count', 'five'], /^error: --count must be a whole number from 1 to 50 \(got "five"\)/],
    ['an unknown level', ['generate', 'Meal kits for parents', '--level', 'expert'], /^error: --level must be one of simple, standard, b2b \(got "expert"\)/],
    ['a malformed age range', ['generate', 'Meal kits for parents', '--age', '25to40'], /^error: --age must be two whole ages from 16 to 99 written MIN-MAX/],
    ['an age range out of bounds', ['generate', 'Meal kits for parents', '--age', '10-40'], /^error: --age must be two whole ages from 16 to 99, lowest first/],
    ['an inverted age range', ['generate', 'Meal kits for parents', '--age', '40-25'], /^error: --age must be two whole ages from 16 to 99, lowest first/],
    ['an unknown flag', ['generate', 'Meal kits for parents', '--colour', 'red'], /^error: unknown option --colour; the options are --count/],
    ['a flag without its value', ['generate', 'Meal kits for parents', '--count'], /^error: --count needs a value/],
    ['a malformed --since', ['metrics', '--since', 'yesterday'], /^error: --since must be a span such as 30m, 6h or 7d/],
    ['a --since over a year', ['metrics', '--since', '400d'], /^error: --since must be a span such as 30m, 6h or 7d, from 1m to 365d/],
    ['export without a run id', ['export', '--format', 'pdf', '--out', 'x.pdf'], /^error: export needs the id of a run/],
    ['export with an unknown format', ['export', 'r1', '--format', 'docx', '--out', 'x.docx'], /^error: --format must be one of pdf, json, csv, md, tinytroupe \(got "docx"\)/],
    ['export without --out', ['export', 'r1', '--format', 'csv'], /^error: --out FILE is required/],
    ['an unknown command', ['make', 'Meal kits for parents'], /^error: unknown command "make"; the commands are generate, repair, check, export, metrics/],
    ['no command', [], /^error: a command is required/],
    ['a negative value without =', ['generate', 'Meal kits for parents', '--seed', '-3'], /^error: --seed needs a value; for a value starting with "-" write --seed=VALUE/],
    ['a bad seed', ['generate', 'Meal kits for parents', '--seed=-3'], /^error: --seed must be a whole number from 0 to 4294967295/],
    ['an unknown provider', ['generate', 'Meal kits for parents', '--provider', 'chatgpt'], /^error: --provider must be one of offline, ollama, openai, gemini \(got "chatgpt"\)/],
    ['an unknown workshops command', ['workshops', 'erase', 'x'], /^error: unknown workshops command "erase"; use one of list, create, rename, select, archive, restore, delete/],
    ['a workshop with an empty name', ['workshops', 'create', '   '], /^error: the name must not be empty/],
    ['a workshop name in two words unquoted', ['workshops', 'create', 'Client', 'A'], /^error: workshops create takes a NAME \(unexpected "A"; quote a name with spaces\)/],
    ['a client too long', ['workshops', 'create', 'A', '--client', 'c'.repeat(121)], /^error: --client must be at most 120 characters/],
    ['an unknown runs command', ['runs', 'copy', 'r1'], /^error: unknown runs command "copy"; use one of list, rename, move, duplicate, delete/],
    ['runs move without --to', ['runs', 'move', 'r1'], /^error: runs move needs --to/],
    ['runs rename without a title', ['runs', 'rename', 'r1'], /^error: runs rename takes a RUN_ID and a TITLE/],
    ['generate into an unknown workshop', ['generate', 'Meal kits for parents in Lyon', '--workshop', 'Nowhere'], /^error: --workshop "Nowhere" is not a workshop's id or name; the workshops are/],
    ['ask without a run id', ['ask'], /^error: ask needs the id of a run and a question/],
    ['ask without a question', ['ask', 'r1'], /^error: the question must not be empty: type a question/],
    ['ask with a blank question', ['ask', 'r1', '   '], /^error: the question must not be empty/],
    ['ask with a question over 1000 characters', ['ask', 'r1', 'x'.repeat(1001)], /^error: the question must be at most 1000 characters/],
    ['ask with the question in two words unquoted', ['ask', 'r1', 'Why', 'not'], /^error: unexpected argument "not"; put the whole question in one pair of quotes/],
    ['ask with an unknown provider', ['ask', 'r1', 'Why?', '--provider', 'chatgpt'], /^error: --provider must be one of offline, ollama, openai, gemini \(got "chatgpt"\)/],
    ['concept without a concept', ['concept', 'r1'], /^error: the concept must not be empty: describe the concept/],
    ['concept with a price too long', ['concept', 'r1', 'Kits', '--price', 'p'.repeat(121)], /^error: --price must be at most 120 characters/],
    ['concept with an unknown flag', ['concept', 'r1', 'Kits', '--persona', 'Ana'], /^error: unknown option --persona; the options are --price, --provider, --json, --data/],
  ];

  for (const [what, args, message] of usageErrors) {
    it(`exits 2 with one line naming the field for ${what}`, async () => {
      const result = await cli([...args, '--data', tempDir()]);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err.split('\n')[0]).toMatch(message);
    });
  }

  it('--provider gemini without a key writes the personas offline and says why on stderr', async () => {
    const result = await cli(['generate', 'Meal kits for busy parents in Lyon', '--provider', 'gemini', '--count', '2', '--json', '--data', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/warning: 2 of the 2 personas were written by the offline engine because gemini failed: Gemini needs an API key/);
    const document = JSON.parse(result.out) as PersonaDocument;
    expect(document.personas.map((p) => p.meta?.source)).toEqual(['offline', 'offline']);
  });

  it('prints help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('persona-studio generate "<brief>"');
    expect(result.out).toContain('persona-studio repair');
    expect(result.out).toContain('persona-studio workshops [list [--all] [--json]');
    expect(result.out).toContain('persona-studio runs [list [--workshop ID|NAME] [--json]');
    expect(result.out).toContain('--workshop ID|NAME the workshop to save the run in');
    expect(result.out).toContain('persona-studio ask <runId> [--persona NAME|ID ...] "<question>" [--provider NAME] [--json] [--data DIR]');
    expect(result.out).toContain('persona-studio concept <runId> "<concept>" [--price TEXT] [--provider NAME] [--json] [--data DIR]');
  });

  it('workshops and runs: create, generate into one by name, rename, move, duplicate, archive, delete', async () => {
    const data = tempDir();
    const run = (...args: string[]) => cli([...args, '--data', data]);
    expect((await run('workshops', 'create', 'Client A', '--client', 'Acme')).out).toMatch(/^Created workshop "Client A" \([0-9a-f-]{36}\)\.$/);
    expect((await run('workshops', 'create', 'Client B')).code).toBe(0);
    const generated = await run('generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '2', '--seed', '3', '--workshop', 'client a');
    expect(generated.code).toBe(0);
    const runId = /Saved as run ([0-9a-f-]{36}) in the workshop "Client A"/.exec(generated.out)![1]!;

    const listed = await run('runs', 'list', '--workshop', 'CLIENT A');
    expect(listed.out.split('\n')[0]).toBe('Runs in "Client A":');
    expect(listed.out).toContain(`${runId}  `);
    expect(listed.out).toContain('Eco-friendly meal kits for busy parents in Lyon');
    expect((await run('runs', 'rename', runId, 'Lyon parents')).out).toBe(`Renamed run ${runId} to "Lyon parents".`);
    expect((await run('runs', 'move', runId, '--to', 'Client B')).out).toBe('Moved "Lyon parents" to "Client B".');
    const copy = await run('runs', 'duplicate', runId);
    expect(copy.out).toMatch(/^Copied as run [0-9a-f-]{36}: "Copy of Lyon parents"\.$/);
    const inB = JSON.parse((await run('runs', 'list', '--workshop', 'Client B', '--json')).out) as { runs: Array<{ id: string; title: string }> };
    expect(inB.runs.map((r) => r.title).sort()).toEqual(['Copy of Lyon parents', 'Lyon parents']);

    expect((await run('workshops', 'select', 'client b')).out).toBe('New runs now go to "Client B".');
    expect((await run('workshops', 'rename', 'Client B', 'Client Beta', '--client', 'Beta GmbH')).out).toBe('Renamed workshop "Client B" to "Client Beta" (client Beta GmbH).');
    expect((await run('workshops', 'archive', 'Client A')).code).toBe(0);
    const table = (await run('workshops')).out;
    expect(table).toMatch(/^\*\s+[0-9a-f-]{36}\s+Client Beta\s+Beta GmbH\s+2\s+4$/m);
    expect(table).not.toContain('Client A');
    expect((await run('workshops', 'list', '--all')).out).toMatch(/Client A\s+Acme\s+0\s+0\s+archived$/m);
    const refused = await run('workshops', 'select', 'Client A');
    expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/^error: The workshop "Client A" is archived; restore it first/) });
    expect((await run('generate', 'Meal kits for parents in Lyon', '--workshop', 'Client A')).err).toMatch(/^error: --workshop "Client A" is archived; restore it first: persona-studio workshops restore /);
    expect((await run('workshops', 'restore', 'Client A')).out).toBe('Restored "Client A".');

    // A delete without --yes says what would go and deletes nothing.
    const asked = await run('runs', 'delete', runId);
    expect(asked).toMatchObject({ code: 2, out: 'Deleting the run "Lyon parents" would remove 1 run, 2 personas and 0 edits for good.', err: 'error: nothing was deleted; add --yes to delete.' });
    expect((await run('runs', 'delete', runId, '--yes')).out).toBe('Deleted the run "Lyon parents": 1 run, 2 personas and 0 edits.');
    expect(await run('runs', 'delete', runId, '--yes')).toMatchObject({ code: 1, err: `error: No run has the id ${runId}.` });
    expect((await run('workshops', 'delete', 'Client Beta')).code).toBe(2);
    expect((await run('workshops', 'delete', 'Client Beta', '--yes', '--delete-backups')).out).toBe('Deleted the workshop "Client Beta": 1 run, 2 personas and 0 edits.');
    expect((await run('workshops', 'list', '--json')).out).toMatch(/"name": "Client A"/);
  });

  it('workshops export and import: a bundle carried to another data folder, once; a copy with --remap; bad files refused', async () => {
    const [from, to] = [tempDir(), tempDir()];
    const file = path.join(tempDir(), 'research.psw.json.gz');
    expect((await cli(['workshops', 'create', 'Field study', '--data', from])).code).toBe(0);
    expect((await cli(['generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '2', '--seed', '5', '--workshop', 'Field study', '--data', from])).code).toBe(0);
    expect(await cli(['workshops', 'export', 'Field study', '--data', from])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: workshops export needs --out FILE, the bundle file to write/) });
    expect((await cli(['workshops', 'export', 'field study', '--out', file, '--data', from])).out).toBe(`Exported "Field study" (1 runs, 2 personas) to ${file}.`);

    const imported = await cli(['workshops', 'import', file, '--data', to]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^Imported workshop "Field study" \([0-9a-f-]{36}\): 1 runs, 2 personas, 0 edits, 0 conversations\.$/);
    expect((await cli(['workshops', 'import', file, '--data', to])).out).toMatch(/is already imported: nothing added\. Use --remap/);
    expect((await cli(['workshops', 'import', file, '--remap', '--data', to])).out).toMatch(/under new ids: 1 runs, 2 personas/);
    const listed = JSON.parse((await cli(['workshops', 'list', '--json', '--data', to])).out) as { workshops: Array<{ name: string; personaCount: number }> };
    expect(listed.workshops.filter((w) => w.name === 'Field study').map((w) => w.personaCount)).toEqual([2, 2]);

    const notBundle = path.join(tempDir(), 'notes.json');
    fs.writeFileSync(notBundle, '{"name": "Sarah Chen"}');
    expect(await cli(['workshops', 'import', notBundle, '--data', to])).toMatchObject({ code: 1, err: expect.stringMatching(/^error: the file is not a workshop bundle .*nothing was imported/) });
    fs.writeFileSync(notBundle, fs.readFileSync(file).subarray(0, 40));
    expect(await cli(['workshops', 'import', notBundle, '--data', to])).toMatchObject({ code: 1, err: expect.stringMatching(/^error: the bundle file is damaged/) });
    expect(await cli(['workshops', 'import', path.join(to, 'missing.gz'), '--data', to])).toMatchObject({ code: 1, err: expect.stringMatching(/^error: cannot read .*ENOENT/) });
    expect((await cli(['workshops', 'import', '--data', to])).code).toBe(2);
  });

  it('ask and concept: one persona answers alone, the set answers as a focus group, a concept is tested, all saved with the run', async () => {
    const data = tempDir();
    const run = (...args: string[]) => cli([...args, '--data', data]);
    const generated = await run('generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '3', '--seed', '12', '--json');
    const document = JSON.parse(generated.out) as PersonaDocument;
    const runId = JSON.parse((await run('runs', 'list', '--json')).out).runs[0].id as string;
    const [ana, ben] = document.personas;

    const one = await run('ask', runId, '--persona', ana!.name.toUpperCase(), 'What would stop you from ordering?');
    expect(one).toMatchObject({ code: 0, err: '' });
    expect(one.out.split('\n')).toHaveLength(1);
    expect(one.out.length).toBeGreaterThan(20);
    const json = JSON.parse((await run('ask', runId, '--persona', ana!.id!, 'What would stop you from ordering?', '--json')).out) as { question: string; answer: { text: string; source: { engine: string } } };
    expect(json).toMatchObject({ question: 'What would stop you from ordering?', answer: { text: one.out, source: { engine: 'offline' } } });

    const group = await run('ask', runId, 'How do you plan your meals?');
    expect(group.code).toBe(0);
    const lines = group.out.split('\n');
    for (const [i, p] of document.personas.entries()) expect(lines[i]).toMatch(new RegExp(`^${p.name}: .{20,}`));
    // Who agrees or objects is printed only when someone clearly does; never as "nobody".
    expect(group.out).not.toMatch(/^(Agree|Object): nobody$/m);
    const two = JSON.parse((await run('ask', runId, '--persona', ana!.name, '--persona', ben!.id!, 'Where do you shop?', '--json')).out) as { answers: Array<{ personaName: string }> };
    expect(two.answers.map((a) => a.personaName)).toEqual([ana!.name, ben!.name]);

    const concept = await run('concept', runId, 'Organic meal kits delivered by bike', '--price', '€12 a week');
    expect(concept.code).toBe(0);
    expect(concept.out).toMatch(/^Concept: Organic meal kits delivered by bike at €12 a week\nMean likelihood \d\.\d of 5 from 3 personas/);
    expect(concept.out).toMatch(/Saved as concept test [0-9a-f-]{36} of run /);
    const tested = JSON.parse((await run('concept', runId, 'A cookbook', '--json')).out) as { verdicts: unknown[]; summary: { distribution: number[] } };
    expect(tested.verdicts).toHaveLength(3);
    expect(tested.summary.distribution.reduce((a, b) => a + b, 0)).toBe(3);

    expect(await run('ask', runId, '--persona', 'Nobody Here', 'Why?')).toMatchObject({ code: 2, err: expect.stringMatching(/^error: --persona "Nobody Here" is not a persona of run .*; its personas are "/) });
    expect(await run('ask', 'no-such-run', 'Why?')).toMatchObject({ code: 1, err: 'error: No run has the id no-such-run.' });
    expect(await run('concept', 'no-such-run', 'Kits')).toMatchObject({ code: 1, err: 'error: No run has the id no-such-run.' });
    // All of it is in the run's report, and counted when the run would be deleted.
    expect((await run('runs', 'delete', runId)).out).toBe(`Deleting the run "${document.brief!.description}" would remove 1 run, 3 personas, 0 edits and 6 conversations for good.`);
  });

  it('generate --workshop with a name two workshops share is a usage error listing both', async () => {
    const data = tempDir();
    await cli(['workshops', 'create', 'Panel', '--data', data]);
    await cli(['workshops', 'create', 'panel', '--data', data]);
    const result = await cli(['generate', 'Meal kits for parents in Lyon', '--workshop', 'PANEL', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toMatch(/^error: --workshop "PANEL" matches 2 workshops; give its id: "(Panel|panel)" \([0-9a-f-]{36}\), "(Panel|panel)" \([0-9a-f-]{36}\)$/);
  });

  it('prints a readable summary with a line per persona and the timing', async () => {
    const data = tempDir();
    const result = await cli(['generate', 'Language-learning app for retirees in Porto', '--count', '3', '--seed', '7', '--data', data]);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Understood: Porto( and nearby)?, Portugal · Retirees, \d+–\d+ · a language-learning app/);
    expect(lines[1]).toMatch(/^3 standard personas from the offline engine in \d+\.\d ms \(seed 7, score [\d.]+\)$/);
    expect(lines.slice(2, 5)).toEqual(lines.slice(2, 5).map(() => expect.stringMatching(/^ +\d\. .+, \d+, .+ \(.+, Portugal\) quality [\d.]+$/)));
    expect(fs.existsSync(path.join(data, 'app.db'))).toBe(true);
  });

  it('writes the document to --out', async () => {
    const data = tempDir();
    const out = path.join(data, 'nested', 'personas.json');
    const result = await cli(['generate', 'Budget travel app for students in Madrid', '--count', '2', '--level', 'simple', '--out', out, '--data', data]);
    expect(result.code).toBe(0);
    const document = JSON.parse(fs.readFileSync(out, 'utf8')) as PersonaDocument;
    expect(jsonSchemaValidators().simple(document)).toBe(true);
    expect(document.personas).toHaveLength(2);
  });

  it('exits 1 with the reason when the data folder cannot hold a database', async () => {
    const notAFolder = path.join(tempDir(), 'file');
    fs.writeFileSync(notAFolder, 'x');
    const result = await cli(['generate', 'Meal kits for parents in Lyon', '--data', notAFolder]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error: /);
  });

  it('npm run -s cli prints the Lyon document: valid at level standard, five names, all in France', async () => {
    const data = tempDir();
    const result = await spawnCli(['generate', 'eco-friendly meal-kit delivery for busy parents in Lyon', '--count', '5', '--json', '--data', data]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as PersonaDocument;
    const validate = jsonSchemaValidators().standard;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(document.personas.map((p) => p.name)).size).toBe(5);
    expect(document.personas.map((p) => p.location.country)).toEqual(Array(5).fill('France'));
  });

  it('the real command exits 2 on a usage error and 1 when generation cannot start', async () => {
    const usage = await spawnCli(['generate', 'Meal kits for parents', '--count', '0']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--count must be a whole number from 1 to 50/);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'app.db'), 'not a database'.repeat(100));
    const failed = await spawnCli(['generate', 'Meal kits for parents in Lyon', '--data', dir]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/app\.db .*could not be opened/);
  });

  it('metrics shows what earlier runs measured, as a table and as JSON, and says when there is nothing', async () => {
    const data = tempDir();
    const empty = await cli(['metrics', '--data', data]);
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/^Nothing was measured in the last 1h/);
    expect((await cli(['generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '2', '--data', data])).code).toBe(0);
    expect((await cli(['generate', 'Eco-friendly meal kits for busy parents in Lyon', '--count', '3', '--data', data])).code).toBe(0);
    const shown = await cli(['metrics', '--since', '30m', '--data', data]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/period +runs +failed +p50 +p95/);
    // Two generations are too few to score: the line says how many more it needs.
    expect(shown.out).toMatch(/Score: none yet, after 18 more generations in this period \(it needs 20\)/);
    const json = await cli(['metrics', '--json', '--data', data]);
    const parsed = JSON.parse(json.out) as { points: Array<{ generations: number }>; alerts: unknown[] };
    expect(parsed.points.reduce((n, p) => n + p.generations, 0)).toBe(2);
    expect(parsed.alerts).toEqual([]);
  });
});
