/**
 * The text exports of a run: JSON (the persona document of contracts/persona.schema.json, with
 * what was asked of the personas under `asking`), CSV (a row per persona, lists joined with "; ",
 * RFC 4180 quoting), Markdown (with the interviews, focus groups and concept tests) and TinyTroupe
 * agent specifications (docs/TINYTROUPE.md).
 */
import type { RunDetail } from '../../shared/ipc/types';
import type { Persona, PersonaDocument } from '../../shared/persona';
import type { SetSummary } from '../../shared/summary';
import { CATEGORY_LABELS, CULTURAL_CATEGORIES } from '../../shared/vocabulary';
import type { RunConversations } from '../asking';
import { toTinyPersonSpec } from '../validation';
import { askingMarkdown, hasConversations, withConversations } from './asking-text';
import { themeKindWord } from './report-summary-html';

/** The persona document, with the run's interviews, focus groups and concept tests under `asking` when there are any. */
export function toJson(document: PersonaDocument, asked?: RunConversations): string {
  return `${JSON.stringify(withConversations(document, asked), null, 2)}\n`;
}

/**
 * The personas as TinyTroupe agent specifications: a JSON array, a spec per persona, each what
 * `TinyPerson.load_specification(dict)` loads. TinyTroupe has no file format for several agents
 * (its examples keep one `.agent.json` per agent), so the array is the container.
 */
export function toTinyTroupe(personas: readonly Persona[]): string {
  return `${JSON.stringify(personas.map(toTinyPersonSpec), null, 2)}\n`;
}

const CSV_COLUMNS: Array<[string, (p: Persona) => string | number | undefined]> = [
  ['id', (p) => p.id],
  ['name', (p) => p.name],
  ['age', (p) => p.age],
  ['gender', (p) => p.gender],
  ['occupation', (p) => p.occupation],
  ['city', (p) => p.location.city],
  ['country', (p) => p.location.country],
  ['income_bracket', (p) => p.incomeBracket],
  ['education', (p) => p.education],
  ['quote', (p) => p.quote],
  ['bio', (p) => p.bio],
  ['goals', (p) => p.goals.join('; ')],
  ['pain_points', (p) => p.painPoints.join('; ')],
  ['values', (p) => p.values?.join('; ')],
  ['channels', (p) => p.channels?.join('; ')],
  ...CULTURAL_CATEGORIES.map((c): [string, (p: Persona) => string | undefined] => [`culture_${c}`, (p) => p.culturalProfile?.[c].join('; ')]),
  ['b2b_role', (p) => p.b2b?.role],
  ['b2b_industry', (p) => p.b2b?.industry],
  ['b2b_company_size', (p) => p.b2b?.companySize],
  ['b2b_decision_power', (p) => p.b2b?.decisionPower],
  ['quality_score', (p) => p.meta?.qualityScore],
  ['source', (p) => p.meta?.source],
];

/** RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. */
export function toCsv(personas: readonly Persona[]): string {
  const field = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [CSV_COLUMNS.map(([name]) => name), ...personas.map((p) => CSV_COLUMNS.map(([, get]) => get(p)))];
  // A byte-order mark, so that spreadsheet apps read the UTF-8 names (é, ß, 李) as such.
  return `\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export function toMarkdown(run: RunDetail, workshop: { name: string; client: string | null }, asked?: RunConversations, summary: SetSummary | null = null): string {
  const personas = run.document?.personas ?? [];
  const lines = [
    `# ${run.title}`,
    '',
    `Workshop: ${workshop.name}${workshop.client ? ` · Client: ${workshop.client}` : ''}`,
    '',
    `> ${run.brief.description}`,
    '',
    `${personas.length} personas · ${run.level} level · ${run.provider} engine${run.seed !== null ? ` · seed ${run.seed}` : ''} · quality ${run.qualityScore ?? '—'}/100 · ${new Date(run.startedAt).toUTCString()}`,
    '',
    ...(summary ? summaryMarkdown(summary) : []),
  ];
  for (const p of personas) {
    lines.push(`## ${p.name}`, '', `*${p.age} · ${p.occupation} · ${p.location.city}, ${p.location.country}*`, '');
    if (p.quote) lines.push(`> “${p.quote}”`, '');
    lines.push(p.bio, '', '**Goals**', '', ...p.goals.map((g) => `- ${g}`), '', '**Pain points**', '', ...p.painPoints.map((g) => `- ${g}`), '');
    if (p.culturalProfile) {
      lines.push('| Category | Tastes |', '| --- | --- |');
      for (const c of CULTURAL_CATEGORIES) lines.push(`| ${CATEGORY_LABELS[c]} | ${p.culturalProfile[c].map(cell).join(', ') || '—'} |`);
      lines.push('');
    }
    if (p.b2b) lines.push(`**Role:** ${p.b2b.role} · ${p.b2b.industry} · ${p.b2b.companySize} employees · ${p.b2b.decisionPower}`, '');
  }
  if (hasConversations(asked)) lines.push(...askingMarkdown(asked));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A Markdown table cell: a pipe would end it. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The executive summary as the PDF has it: who they are, the themes with counts and quotes, differences, suggestions. */
function summaryMarkdown(summary: SetSummary): string[] {
  const total = summary.personaCount;
  // A model writes only the paragraphs; the table and the lists are composed from the set either way.
  const by =
    summary.method === 'model'
      ? `Paragraphs written by ${summary.writtenBy ?? 'a model'} from the grouped facts; the table and lists composed by grouping the personas’ own goals, pain points and profiles`
      : 'Composed by grouping the personas’ own goals, pain points and profiles';
  return [
    '## Executive summary',
    '',
    `*${by}; every count and quote is taken from the personas below.*`,
    '',
    '### Who they are',
    '',
    summary.prose.who,
    '',
    '### What they share',
    '',
    summary.prose.shared,
    '',
    ...(summary.themes.length
      ? ['| Theme | Held by | In their words |', '| --- | --- | --- |', ...summary.themes.map((t) => `| ${cell(t.label)} (${themeKindWord(t.kind)}) | ${t.personaIds.length} of ${total} | “${cell(t.quote.text)}” — ${cell(t.quote.personaName)} |`), '']
      : []),
    '### Where they differ',
    '',
    ...(summary.method === 'model' || summary.differences.length === 0 ? [summary.prose.differ, ''] : []),
    ...summary.differences.map((d) => `- **${d.label}:** ${d.detail}`),
    ...(summary.differences.length ? [''] : []),
    '### What it suggests',
    '',
    ...(summary.method === 'model' || summary.implications.length === 0 ? [summary.prose.suggests, ''] : []),
    ...summary.implications.map((i, n) => `${n + 1}. ${i}`),
    '',
  ];
}
