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
 * Sets: test/fixtures/summary-sets/generated/*.json (built-in engine, 8 personas each) and the
 * hand-written test/fixtures/summary-sets/*.json (offer read the same way). Verdicts live in
 * test/fixtures/summary-sets/audit/verdicts.json as "set|kind:label|line": "ok" | "wrong"; a line no
 * verdict covers is counted apart and printed with "?" so the judgement can be completed and repeated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../src/main/core/core';
import { composeSummary, type SetPersona } from '../src/main/summarizing';
import type { Brief } from '../src/shared/persona';

const DIR = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'summary-sets');
const GENERATED = path.join(DIR, 'generated');
const VERDICTS = path.join(DIR, 'audit', 'verdicts.json');

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
else audit();

function importSets(dir: string): void {
  fs.mkdirSync(GENERATED, { recursive: true });
  for (const name of fs.readdirSync(dir).sort()) {
    const dataDir = path.join(dir, name);
    if (!fs.existsSync(path.join(dataDir, 'app.db'))) continue;
    const core = createCore({ dataDir, resources: null, env: {}, monitor: { autoStart: false } });
    try {
      const [first] = core.store.listRuns(core.store.currentWorkshopId());
      const run = first && core.store.getRun(first.id);
      if (!run?.document) continue;
      // The summary reads neither the cultural profile nor the generation's metadata: kept out to keep the files small.
      const personas = run.document.personas.filter((p): p is SetPersona => typeof p.id === 'string').map(({ culturalProfile: _c, meta: _m, ...rest }) => rest as SetPersona);
      const set = { brief: run.brief, offer: core.understand({ ...run.brief, location: run.brief.location, segment: run.brief.segment }).product, personas };
      fs.writeFileSync(path.join(GENERATED, `${name}.json`), `${JSON.stringify(set, null, 2)}\n`);
      console.log(`${name}: ${personas.length} personas, offer “${set.offer}”`);
    } finally {
      core.close();
    }
  }
}

function loadSets(): AuditSet[] {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as { brief: Brief; offer?: string; personas: SetPersona[] };
  const generated = fs.existsSync(GENERATED) ? fs.readdirSync(GENERATED).filter((f) => f.endsWith('.json')).sort() : [];
  const handWritten = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  const sets: AuditSet[] = generated.map((f) => ({ name: f.replace(/\.json$/, ''), ...read(path.join(GENERATED, f)) }) as AuditSet);
  const needOffer = handWritten.map((f) => ({ name: `fixture:${f.replace(/\.json$/, '')}`, ...read(path.join(DIR, f)) }));
  if (needOffer.length > 0) {
    // The hand-written sets carry no offer: the core reads it from the brief, as the app does.
    const core = createCore({ dataDir: fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'summary-audit-')), resources: null, env: {}, monitor: { autoStart: false } });
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
