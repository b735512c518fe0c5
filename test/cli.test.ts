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
    ['export with an unknown format', ['export', 'r1', '--format', 'docx', '--out', 'x.docx'], /^error: --format must be one of pdf, json, csv, md \(got "docx"\)/],
    ['export without --out', ['export', 'r1', '--format', 'csv'], /^error: --out FILE is required/],
    ['an unknown command', ['make', 'Meal kits for parents'], /^error: unknown command "make"; the commands are generate, repair, check, export, metrics/],
    ['no command', [], /^error: a command is required/],
    ['a negative value without =', ['generate', 'Meal kits for parents', '--seed', '-3'], /^error: --seed needs a value; for a value starting with "-" write --seed=VALUE/],
    ['a bad seed', ['generate', 'Meal kits for parents', '--seed=-3'], /^error: --seed must be a whole number from 0 to 4294967295/],
    ['an unknown provider', ['generate', 'Meal kits for parents', '--provider', 'chatgpt'], /^error: --provider must be one of offline, ollama, openai, gemini \(got "chatgpt"\)/],
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
