/**
 * The theme audit of the executive summary: every theme of every audited set, with all the lines
 * grouped under it, and whether each line truly speaks to the theme's label as a reader judged it.
 *
 *   npx tsx scripts/summary-audit.ts                  every set: themes, lines, verdicts, precision
 *   npx tsx scripts/summary-audit.ts --only lyon       sets whose name holds "lyon"
 *   npx tsx scripts/summary-audit.ts --unjudged       only lines no verdict covers yet (to judge them)
 *   npx tsx scripts/summary-audit.ts --prose          the four paragraphs too
 *   npx tsx scripts/summary-audit.ts --record <file> judge every line no verdict covers yet: "wrong"
 *       when <file> lists it (lines "set|label|part of the line"), else "ok"; written to the verdicts.
 *   npx tsx scripts/summary-audit.ts --import <dir>   store sets the built-in engine generated: each
 *       <dir>/<name>/ is a --data folder of `generate`; its first run goes to generated/<name>.json
 *       with the offer as the core reads it (understand(brief).product).
 *
 *   npx tsx scripts/summary-audit.ts --life-stages    the life-stage audit: every persona of the life-stage sets
 *       (test/fixtures/summary-sets/life-stages/*.json) and of the hand-written sets, what its own text says
 *       (occupation, bio), the stage read from it and the stage a reader gave it; recall and precision.
 *   npx tsx scripts/summary-audit.ts --import-life <dir>  store generated sets for the life-stage audit:
 *       each <dir>/<name>/ is a --data folder of `generate`; its first run goes to life-stages/<name>.json
 *       (brief, seed, and each persona's id, name, age, occupation and bio), the reader's stages to fill in.
 *
 * Sets: test/fixtures/summary-sets/generated/*.json (built-in engine, 8 personas each) and the
 * hand-written test/fixtures/summary-sets/*.json (offer read the same way). Verdicts live in
 * test/fixtures/summary-sets/audit/verdicts.json as "set|kind:label|line": "ok" | "wrong"; a line no
 * verdict covers is counted apart and printed with "?" so the judgement can be completed and repeated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core/core';
import type { Core } from '../src/main/core';
import { composeSummary, NOT_STATED, statedLifeStage, type SetPersona } from '../src/main/summarizing';
import type { Brief } from '../src/shared/persona';

const DIR = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'summary-sets');
const GENERATED = path.join(DIR, 'generated');
const VERDICTS = path.join(DIR, 'audit', 'verdicts.json');
const LIFE = path.join(DIR, 'life-stages');
/** Life stages a reader gave the personas of the generated sets above ("set": { "personaId": "stage|…" }). */
const LIFE_VERDICTS = path.join(DIR, 'audit', 'life-stages.json');

interface AuditSet {
  name: string;
  brief: Brief;
  offer: string;
  personas: SetPersona[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (value('--import')) importSets(value('--import')!);
else if (value('--import-life')) importLifeSets(value('--import-life')!);
else if (flag('--life-stages')) lifeStageAudit();
else audit();

/** A life-stage set: only what the life stage reads (occupation and bio), and the stage a reader gave each persona ("" until judged). */
interface LifeSet {
  brief: Brief;
  seed: number | null;
  personas: Array<Pick<SetPersona, 'id' | 'name' | 'age' | 'occupation' | 'bio'>>;
  expect: Record<string, string>;
}

function importLifeSets(dir: string): void {
  fs.mkdirSync(LIFE, { recursive: true });
  forFirstRuns(dir, (name, run) => {
    const personas = run.document.personas.filter((p): p is SetPersona => typeof p.id === 'string').map(({ id, name: who, age, occupation, bio }) => ({ id, name: who, age, occupation, bio }));
    const file = path.join(LIFE, `${name}.json`);
    // Judgements already made are kept for the personas that are still there.
    const before = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as LifeSet).expect : {};
    const set: LifeSet = { brief: run.brief, seed: run.seed ?? null, personas, expect: Object.fromEntries(personas.map((p) => [p.id, before[p.id] ?? ''])) };
    fs.writeFileSync(file, `${JSON.stringify(set, null, 2)}\n`);
    console.log(`${name}: ${personas.length} personas`);
  });
}

type SavedRun = NonNullable<ReturnType<Core['store']['getRun']>> & { document: NonNullable<NonNullable<ReturnType<Core['store']['getRun']>>['document']> };

/** Each data folder under `dir` (a `generate --data` each): its first run with personas, with the core that holds it. */
function forFirstRuns(dir: string, visit: (name: string, run: SavedRun, core: Core) => void): void {
  for (const name of fs.readdirSync(dir).sort()) {
    const dataDir = path.join(dir, name);
    if (!fs.existsSync(path.join(dataDir, 'app.db'))) continue;
    const core = createCore({ dataDir, resources: null, env: {}, monitor: { autoStart: false } });
    try {
      const [first] = core.store.listRuns(core.store.currentWorkshopId());
      const run = first && core.store.getRun(first.id);
      if (run?.document) visit(name, run as SavedRun, core);
    } finally {
      core.close();
    }
  }
}

/**
 * A reader's stage is the stage the text states first in the order of LIFE_STAGES, then after "|"
 * the others it also states ("Parent of young children|Living with a partner"). Recall: of the
 * personas whose text states a stage, how many get the first. Precision: of the personas given a
 * stage other than "Not stated", how many get one their text states (a parent of teenagers filed as
 * "Parent (children's ages not stated)" is told less, not told wrong).
 */
function lifeStageAudit(): void {
  const only = value('--only');
  const sets: Array<{ name: string; personas: LifeSet['personas']; expect: Record<string, string> }> = [];
  for (const f of fs.existsSync(LIFE) ? fs.readdirSync(LIFE).filter((x) => x.endsWith('.json')).sort() : []) {
    const set = JSON.parse(fs.readFileSync(path.join(LIFE, f), 'utf8')) as LifeSet;
    sets.push({ name: f.replace(/\.json$/, ''), personas: set.personas, expect: set.expect });
  }
  // The theme audit's generated sets, judged for life stage before life-stage.ts was widened on the sets above: a holdout.
  const judged = fs.existsSync(LIFE_VERDICTS) ? (JSON.parse(fs.readFileSync(LIFE_VERDICTS, 'utf8')) as Record<string, Record<string, string>>) : {};
  for (const [name, expect] of Object.entries(judged)) {
    const set = JSON.parse(fs.readFileSync(path.join(GENERATED, `${name}.json`), 'utf8')) as { personas: SetPersona[] };
    sets.push({ name: `holdout:${name}`, personas: set.personas, expect });
  }
  for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.json')).sort()) {
    const set = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as { personas: SetPersona[]; expect: { lifeStages: Record<string, string> } };
    // A hand-written set lists only the stated stages.
    sets.push({ name: `fixture:${f.replace(/\.json$/, '')}`, personas: set.personas, expect: Object.fromEntries(set.personas.map((p) => [p.id, set.expect.lifeStages[p.id] ?? NOT_STATED])) });
  }
  const total = { stated: 0, given: 0, exact: 0, true: 0, unjudged: 0 };
  const byKind: Record<string, { stated: number; given: number; exact: number; true: number }> = {};
  const rows: string[] = [];
  for (const set of sets) {
    if (only && !set.name.includes(only)) continue;
    const t = { stated: 0, given: 0, exact: 0, true: 0, unjudged: 0 };
    const out: string[] = [`\n=== ${set.name}`];
    for (const p of set.personas) {
      const got = statedLifeStage({ ...p, goals: [], painPoints: [], values: [], interests: [], channels: [], location: { city: '', country: '' } } as unknown as SetPersona);
      const judged = set.expect[p.id] ?? '';
      const [want = '', ...also] = judged.split('|');
      const trueStages = new Set([want, ...also, ...(want.startsWith('Parent of') ? ["Parent (children's ages not stated)"] : [])]);
      let mark = '?';
      if (judged === '') t.unjudged += 1;
      else {
        if (want !== NOT_STATED) t.stated += 1;
        if (got !== NOT_STATED) t.given += 1;
        if (got !== NOT_STATED && got === want) t.exact += 1;
        if (got !== NOT_STATED && trueStages.has(got)) t.true += 1;
        mark = got === want ? '✓' : got === NOT_STATED ? '–' : trueStages.has(got) ? '~' : '✗';
      }
      if (flag('--wrong') && mark === '✓') continue;
      out.push(`  ${mark} ${p.id} ${p.occupation} | ${p.bio}\n      read: ${got}${got === want ? '' : `   reader: ${judged || '(not judged)'}`}`);
    }
    console.log(out.join('\n'));
    rows.push(`${set.name.padEnd(36)} recall ${ratio(t.exact, t.stated)}  precision ${ratio(t.true, t.given)}${t.unjudged ? `  ${t.unjudged} not judged` : ''}`);
    for (const k of ['stated', 'given', 'exact', 'true', 'unjudged'] as const) total[k] += t[k];
    const kind = set.name.startsWith('fixture:') ? 'hand-written' : set.name.startsWith('holdout:') ? 'holdout (theme sets)' : 'life-stage sets';
    const k = (byKind[kind] ??= { stated: 0, given: 0, exact: 0, true: 0 });
    for (const key of ['stated', 'given', 'exact', 'true'] as const) k[key] += t[key];
  }
  for (const [kind, k] of Object.entries(byKind)) rows.push(`${`all ${kind}`.padEnd(36)} recall ${ratio(k.exact, k.stated)}  precision ${ratio(k.true, k.given)}`);
  console.log(`\n${rows.join('\n')}\n${'all'.padEnd(36)} recall ${ratio(total.exact, total.stated)}  precision ${ratio(total.true, total.given)}${total.unjudged ? `  ${total.unjudged} not judged` : ''}`);
  console.log('(✓ the stage the text states first, ~ a true but lesser stage, – not stated though the text states one, ✗ a stage the text does not state)');
}

function ratio(a: number, b: number): string {
  return b === 0 ? '     –        ' : `${((100 * a) / b).toFixed(1).padStart(5)}% (${a}/${b})`;
}

function importSets(dir: string): void {
  fs.mkdirSync(GENERATED, { recursive: true });
  forFirstRuns(dir, (name, run, core) => {
    // The summary reads neither the cultural profile nor the generation's metadata: kept out to keep the files small.
    const personas = run.document.personas.filter((p): p is SetPersona => typeof p.id === 'string').map(({ culturalProfile: _c, meta: _m, ...rest }) => rest as SetPersona);
    const set = { brief: run.brief, offer: core.understand({ ...run.brief, location: run.brief.location, segment: run.brief.segment }).product, personas };
    fs.writeFileSync(path.join(GENERATED, `${name}.json`), `${JSON.stringify(set, null, 2)}\n`);
    console.log(`${name}: ${personas.length} personas, offer “${set.offer}”`);
  });
}

function loadSets(): AuditSet[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { brief: Brief; offer?: string; personas: SetPersona[] };
  const generated = fs.existsSync(GENERATED) ? fs.readdirSync(GENERATED).filter((f) => f.endsWith('.json')).sort() : [];
  const handWritten = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  const sets: AuditSet[] = generated.map((f) => ({ name: f.replace(/\.json$/, ''), ...read(path.join(GENERATED, f)) }) as AuditSet);
  const needOffer = handWritten.map((f) => ({ name: `fixture:${f.replace(/\.json$/, '')}`, ...read(path.join(DIR, f)) }));
  if (needOffer.length > 0) {
    // The hand-written sets carry no offer: the core reads it from the brief, as the app does.
    const core = createCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'summary-audit-')), resources: null, env: {}, monitor: { autoStart: false } });
    try {
      for (const s of needOffer) sets.push({ ...s, offer: s.offer ?? core.understand({ ...s.brief, location: s.brief.location, segment: s.brief.segment }).product });
    } finally {
      core.close();
    }
  }
  return sets;
}

function audit(): void {
  const only = value('--only');
  const verdicts = fs.existsSync(VERDICTS) ? (JSON.parse(fs.readFileSync(VERDICTS, 'utf8')) as Record<string, 'ok' | 'wrong'>) : {};
  const record = value('--record');
  const wrongList = record
    ? fs
        .readFileSync(record, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((l) => l.split('|').map((part) => part.trim()) as [string, string, string])
    : [];
  const totals = { ok: 0, wrong: 0, unjudged: 0 };
  const rows: string[] = [];
  for (const set of loadSets()) {
    if (only && !set.name.includes(only)) continue;
    const { summary, groups } = composeSummary({ runId: set.name, personas: set.personas, offer: set.offer });
    const names = new Map(set.personas.map((p) => [p.id, p.name]));
    const tally = { ok: 0, wrong: 0, unjudged: 0 };
    const out: string[] = [`\n=== ${set.name} — ${set.brief.description} (offer “${set.offer}”, ${set.personas.length} personas)`];
    for (const group of groups) {
      const theme = summary.themes.find((t) => t.label === group.label && t.kind === group.kind)!;
      out.push(`  ${group.kind === 'need' ? 'Need' : 'Pain'}: ${group.label}, ${group.personaIds.length} of ${set.personas.length} — quote: “${theme.quote.text}”`);
      for (const line of group.lines) {
        const key = `${set.name}|${group.kind}:${group.label}|${line.text}`;
        if (record && !verdicts[key]) verdicts[key] = wrongList.some(([s, label, part]) => s === set.name && label === group.label && line.text.includes(part)) ? 'wrong' : 'ok';
        const verdict = verdicts[key];
        tally[verdict ?? 'unjudged'] += 1;
        if (flag('--unjudged') && verdict) continue;
        out.push(`    ${verdict === 'ok' ? '✓' : verdict === 'wrong' ? '✗' : '?'} ${line.text}  (${names.get(line.personaId)}, ${line.strength})`);
      }
    }
    if (flag('--prose')) for (const [k, v] of Object.entries(summary.prose)) out.push(`  [${k}] ${v}`);
    const judged = tally.ok + tally.wrong;
    out.push(`  precision ${judged ? ((100 * tally.ok) / judged).toFixed(1) : '–'}% (${tally.ok} right, ${tally.wrong} wrong${tally.unjudged ? `, ${tally.unjudged} not judged` : ''}); themes ${groups.length}`);
    rows.push(`${set.name.padEnd(36)} ${judged ? ((100 * tally.ok) / judged).toFixed(1).padStart(5) : '    –'}%  ${String(tally.ok).padStart(3)} right ${String(tally.wrong).padStart(3)} wrong ${tally.unjudged ? `${tally.unjudged} not judged` : ''}`);
    for (const k of ['ok', 'wrong', 'unjudged'] as const) totals[k] += tally[k];
    console.log(out.join('\n'));
  }
  if (record) fs.writeFileSync(VERDICTS, `${JSON.stringify(Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b))), null, 1)}\n`);
  const judged = totals.ok + totals.wrong;
  console.log(`\n${rows.join('\n')}\n${'all'.padEnd(36)} ${judged ? ((100 * totals.ok) / judged).toFixed(1).padStart(5) : '    –'}%  ${totals.ok} right ${totals.wrong} wrong${totals.unjudged ? `, ${totals.unjudged} not judged` : ''}`);
}
