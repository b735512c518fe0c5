/**
 * repairPersonaDocument: any provider answer in, a valid persona document of the asked level out,
 * with a report of every fix. Stages: extract the payload ▸ repair its JSON syntax ▸ find the
 * personas and align their keys ▸ coerce types ▸ validate with the level's zod schema and fill what
 * is missing from the context ▸ score ▸ keep `count`. An answer with no persona in it is a
 * NothingRecoverableError, never an invented persona.
 */
import { CULTURAL_CATEGORIES, MAX_PERSONAS, PERSONA_SCHEMAS, type Brief, type CulturalCategory, type Level, type Persona, type PersonaDocument, type ReportIssue, type ValidationReport } from '../../shared/persona';
import type { CulturalConstraints } from '../world';
import { alignPersona } from './align-persona';
import { canonicalPersonas, isCanonicalPersona } from './canonical-persona';
import { buildPersona, MIN_CORE_FIELDS, parsePlace, type FieldNote, type FillContext } from './build-persona';
import { extractKeyValuePayload, extractPayloads, type ExtractionNote } from './extract-payload';
import { resolveKey } from './field-aliases';
import { unwrapModelEnvelope } from './model-envelopes';
import { findPersonas, nameOf, type PersonaCandidate, type ShapeNote } from './find-personas';
import { announcedCount, readMarkdownPersonas, type MarkdownPersonas } from './markdown-personas';
import { cleanPersonName } from './person-name';
import { scoreDocument, scorePersona, type ScoreContext } from './score';

export interface RepairOptions {
  level: Level;
  /** Personas asked for: more are cut, fewer reported. Undefined keeps all there are (up to 50). */
  count?: number;
  brief?: Brief;
  constraints?: CulturalConstraints;
  /** What to fill from, when the caller resolved the brief (places, industries); else read from `brief`. */
  context?: FillContext;
  /** Countries the brief targets, for scoring; else read from `brief.location`. */
  countries?: readonly string[];
}

export interface RepairedPersonaStats {
  repaired: boolean;
  filled: boolean;
}

export interface RepairResult {
  document: PersonaDocument & { report: ValidationReport };
  report: ValidationReport;
  /** Personas kept, and whether each needed repair or filling: for the validation metrics. */
  personas: RepairedPersonaStats[];
  /** How many personas short of `count` the answer was. */
  missing: number;
}

export class NothingRecoverableError extends Error {
  override name = 'NothingRecoverableError';
  constructor(
    message: string,
    readonly issues: ReportIssue[],
  ) {
    super(message);
  }
}

const CORE_POINTERS = new Set(['/name', '/age', '/location', '/occupation', '/bio', '/goals', '/painPoints', '/interests']);

const EXTRACTION_NOTES: Record<ExtractionNote, ReportIssue> = {
  fences: { type: 'malformed_json', fixed: true, how: 'took the answer out of its markdown code fences' },
  prose: { type: 'malformed_json', fixed: true, how: 'ignored the prose around the data' },
  'double-encoded': { type: 'malformed_json', fixed: true, how: 'decoded a JSON string that held the answer' },
  'several-blocks': { type: 'malformed_json', fixed: true, how: 'joined several blocks (JSON lines or a block per persona)' },
  syntax: { type: 'malformed_json', fixed: true, how: 'repaired the JSON syntax (quotes, commas, comments, literals, brackets)' },
  truncated: { type: 'truncated', fixed: true, how: 'the answer was cut off: kept what survived' },
  'key-value': { type: 'malformed_json', fixed: true, how: 'read the answer as YAML or key-value text' },
};

const SHAPE_NOTES: Record<ShapeNote, ReportIssue> = {
  unwrapped: { type: 'malformed_json', path: '/personas', fixed: true, how: 'took the personas out of their wrapper object' },
  'keyed-by-name': { type: 'malformed_json', path: '/personas', fixed: true, how: 'read personas filed under their names' },
  'skipped-example': { type: 'malformed_json', fixed: true, how: 'skipped an example block before the answer' },
  'skipped-template': { type: 'malformed_json', fixed: true, how: 'skipped a template block of placeholder values' },
  duplicate: { type: 'malformed_json', path: '/personas', fixed: true, how: 'merged a persona given twice' },
};

export function repairPersonaDocument(answer: unknown, options: RepairOptions): RepairResult {
  const { level } = options;
  const count = options.count ?? MAX_PERSONAS;
  const issues: ReportIssue[] = [];
  // A whole API response pasted in: its text or tool arguments are the answer, its keys are not persona fields.
  const envelope = unwrapModelEnvelope(answer);
  const raw = envelope ? envelope.value : answer;
  if (envelope) issues.push({ type: 'malformed_json', fixed: true, how: envelope.how });
  const extraction = typeof raw === 'string' ? extractPayloads(raw) : { payloads: [{ value: raw, lead: '', truncated: false }], notes: new Set<ExtractionNote>() };
  let found = canonicalPersonas(extraction.payloads) ?? findPersonas(extraction.payloads);
  if (found.candidates.length === 0 && typeof raw === 'string') {
    const keyValue = extractKeyValuePayload(raw);
    if (keyValue) {
      const fromKeyValue = findPersonas([keyValue]);
      if (fromKeyValue.candidates.length > 0) {
        found = fromKeyValue;
        extraction.notes.clear();
        extraction.notes.add('key-value');
      }
    }
  }
  const prose = typeof raw === 'string' ? proseReading(raw, found) : undefined;
  if (prose) {
    found = { candidates: prose.candidates, notes: new Set() };
    extraction.notes.clear();
    issues.push({ type: 'malformed_json', fixed: true, how: 'read the personas out of Markdown or prose' });
    if (prose.cut) issues.push({ type: 'truncated', path: '/personas', fixed: false, how: `the answer was cut off in the middle of "${prose.cut}": left that persona out and kept the complete ones` });
    for (const title of prose.archetypes) issues.push({ type: 'missing_field', path: '/personas', fixed: true, how: `no personal name for "${title}": kept its archetype title as the name` });
  }
  for (const note of extraction.notes) issues.push({ ...EXTRACTION_NOTES[note] });
  for (const note of found.notes) issues.push({ ...SHAPE_NOTES[note] });

  const context = options.context ?? fillContextFromBrief(options.brief, options.constraints);
  const scoreContext: ScoreContext = {
    level,
    ...(context.ageRange ? { ageRange: context.ageRange } : {}),
    countries: options.countries ?? (context.place ? [context.place.country] : []),
  };
  const schema = PERSONA_SCHEMAS[level];
  const personas: Persona[] = [];
  const stats: RepairedPersonaStats[] = [];
  const scores: number[] = [];
  let unusable = 0;

  for (let i = 0; i < found.candidates.length && personas.length < count; i++) {
    const given = found.candidates[i]!;
    // Canonical personas have a name by construction: only the others may need a title for one.
    const candidate = given.canonical ? given : withTitleAsName(given);
    const index = personas.length;
    const fast = candidate.canonical || (!candidate.truncated && !candidate.keyName && isCanonicalPersona(candidate.raw)) ? schema.safeParse(candidate.raw) : undefined;
    let persona: Persona;
    let repaired: FieldNote[] = [];
    let filled: readonly FieldNote[] = [];
    if (fast?.success) {
      persona = fast.data;
    } else {
      const built = buildPersona(alignPersona(candidate.raw, level), { level, index, context, ...(candidate.keyName ? { keyName: candidate.keyName } : {}) });
      const cut = candidate.truncated ? truncatedField(candidate, built.filled) : [];
      // A value cut in half does not count towards keeping the persona.
      const partialCore = candidate.cutInsideValue && cut.some((note) => CORE_POINTERS.has(note.pointer)) ? 1 : 0;
      if (built.coreFromAnswer - partialCore < MIN_CORE_FIELDS) {
        unusable++;
        issues.push({
          type: candidate.truncated ? 'truncated' : 'missing_field',
          fixed: false,
          how: `left out persona ${i + 1} of the answer: only ${built.coreFromAnswer - partialCore} of its core fields (name, age, location, occupation, bio, goals, pain points, interests) ${candidate.truncated ? 'survived the cut' : 'were there'}`,
        });
        continue;
      }
      const parsed = schema.safeParse(built.persona);
      if (!parsed.success) {
        unusable++;
        const first = parsed.error.issues[0];
        // The path names the field in the answer's persona, which has no place in the document.
        issues.push({ type: 'constraint_violation', path: '/personas', fixed: false, how: `left out persona ${i + 1} of the answer: its ${first?.path.join('.') || 'value'} could not be made valid (${first?.message ?? 'invalid'})` });
        continue;
      }
      persona = parsed.data;
      repaired = [...built.repaired];
      filled = built.filled;
      if (candidate.cutInsideValue) repaired.push(...cut);
      const prefix = `/personas/${index}`;
      for (const note of [...repaired, ...filled, ...built.dropped]) issues.push({ type: note.type, path: prefix + note.pointer, fixed: true, how: note.how });
    }
    const qualityScore = scorePersona(persona, scoreContext, { repaired: repaired.length, filled: filled.length, filledFields: filled.map((f) => f.pointer) });
    scores.push(qualityScore);
    stats.push({ repaired: repaired.length > 0, filled: filled.length > 0 });
    // zod's output is a fresh object: giving it its meta in place spares a copy per persona.
    if (NAME_NOISE.test(persona.name)) persona.name = cleanPersonName(persona.name) || persona.name;
    // A role title in the name field itself ("The Budget Hunter") is an archetype too, whichever reader found it.
    const archetype = candidate.archetype === true || ARCHETYPE_TITLE.test(persona.name);
    // The Markdown reader reported its own archetypes above; the others are reported here.
    if (archetype && !given.archetype) issues.push({ type: 'missing_field', path: `/personas/${index}/name`, fixed: true, how: `no personal name for "${persona.name}": kept its archetype title as the name` });
    persona.meta = { qualityScore, repaired: unique(repaired), filled: unique(filled), ...(archetype ? { nameKind: 'archetype' as const } : {}) };
    personas.push(persona);
  }

  if (personas.length === 0) throw nothingRecoverable(raw, found.candidates.length, issues);
  const extra = found.candidates.length - personas.length - unusable;
  if (extra > 0) issues.push({ type: 'constraint_violation', path: '/personas', fixed: true, how: `the answer held ${extra} more persona${extra === 1 ? '' : 's'} than the ${count} asked for: kept the first ${count}` });
  // With no count asked, the answer's own announcement is the count it falls short of.
  const announced = options.count === undefined && typeof raw === 'string' ? announcedCount(raw) : undefined;
  if (announced !== undefined && announced > personas.length)
    issues.push({ type: 'missing_field', path: '/personas', fixed: false, how: `the answer announced ${announced} personas but holds ${personas.length}: kept those it holds` });
  const missing = options.count === undefined ? 0 : Math.max(0, count - personas.length);
  if (missing > 0) issues.push({ type: 'missing_field', path: '/personas', fixed: false, how: `${personas.length} of the ${count} personas asked for: ${missing} missing` });

  const score = scoreDocument(scores, options.count ?? personas.length);
  const report: ValidationReport = { valid: issues.every((issue) => issue.fixed), score, issues };
  const document = { schemaVersion: 1 as const, level, ...(options.brief ? { brief: options.brief } : {}), personas, report };
  return { document, report, personas: stats, missing };
}

/** A persona with no name but a role title ("The Budget Hunter"): the title names it, as an archetype. */
function withTitleAsName(candidate: PersonaCandidate): PersonaCandidate {
  const raw = candidate.raw;
  if (Object.keys(raw).some((k) => resolveKey('persona', k)?.kind === 'field' && (resolveKey('persona', k) as { field?: string }).field === 'name')) {
    // Beside a name, "title": "The Market Grower" labels the archetype; read as the job it would hide the real one.
    const label = ['title', 'archetype', 'label'].find((k) => typeof raw[k] === 'string' && ARCHETYPE_TITLE.test((raw[k] as string).trim()));
    if (label === undefined) return candidate;
    const { [label]: _archetype, ...rest } = raw;
    return { ...candidate, raw: rest };
  }
  const title = ['archetype', 'title', 'label', 'persona', 'role'].map((k) => raw[k]).find((v): v is string => typeof v === 'string' && /^the\s+\S/i.test(v.trim()));
  return title ? { ...candidate, raw: { ...raw, name: title.trim() }, archetype: true } : candidate;
}

const ARCHETYPE_TITLE = /^(?:The|THE|the)\s+\p{Lu}/u;

/** Cheap pre-check before cleaning a name: quotes, brackets, footnote marks, markup or an honorific. */
const NAME_NOISE = /["“”«»()[\]^*_`#¹²³⁴⁵⁶⁷⁸⁹⁰]|^(?:dr|mrs|mr|ms|miss|prof|professor|alhaji|alhaja|sra|sr|dona|dom|don|mx|sir|dame)\.?\s/i;

const GENERIC_NAME = /^(?:persona|profile|user|customer)\s*#?\s*\d*$|^(?:demographic details|demographics|background|overview|summary)$/i;

/** The Markdown/prose reading, when the answer is not JSON and it finds more, or better-named, personas. */
function proseReading(raw: string, found: { candidates: PersonaCandidate[] }): MarkdownPersonas | undefined {
  if (/^\s*[[{]/.test(raw)) return undefined;
  // "Name:" as often as "name:": any key the alias table reads as the name counts.
  const names = found.candidates.map((c) => nameOf(c) ?? '');
  const generic = names.filter((n) => n === '' || GENERIC_NAME.test(n.trim())).length;
  // "Persona 1: The Working Mom — Céline Arnaud" read as key and value names the archetype: the Markdown reading may find the person.
  const titled = names.filter((n) => ARCHETYPE_TITLE.test(n.trim())).length;
  // Named personas in JSON or key-value text win, unless the Markdown plainly holds more of them.
  if (found.candidates.length > 0 && generic === 0 && titled === 0 && !/^\s*#|\n\s*#{1,6}\s/.test(raw)) return undefined;
  const md = readMarkdownPersonas(raw);
  if (md.candidates.length === 0) return undefined;
  if (titled > 0 && generic === 0 && !/^\s*#|\n\s*#{1,6}\s/.test(raw) && (md.candidates.length !== found.candidates.length || md.archetypes.length >= titled)) return undefined;
  if (found.candidates.length > 0 && generic === 0 && (md.candidates.length < found.candidates.length || /^\s*(?:`{3,}|~{3,})/m.test(raw))) return undefined;
  return md;
}

function unique(notes: readonly FieldNote[]): string[] {
  if (notes.length === 0) return [];
  return [...new Set(notes.map((n) => n.pointer))];
}

/** The field the cut fell in: the last key of the last persona, when it kept a value. */
function truncatedField(candidate: PersonaCandidate, filled: readonly FieldNote[]): FieldNote[] {
  const keys = Object.keys(candidate.raw);
  const last = keys[keys.length - 1];
  if (last === undefined) return [];
  const target = resolveKey('persona', last);
  const pointer =
    target?.kind === 'field' ? `/${target.field}` : target?.kind === 'location' ? '/location' : target?.kind === 'culture' ? '/culturalProfile' : target?.kind === 'b2b' ? '/b2b' : undefined;
  if (!pointer || filled.some((f) => f.pointer.startsWith(pointer))) return [];
  return [{ pointer, type: 'truncated', how: 'cut off by the end of the answer: kept what survived' }];
}

const REFUSAL = /\b(?:i(?:'| a)?m sorry|i apologi[sz]e|i (?:can(?:no|')t|am unable to|won't|will not)|as an ai|cannot (?:help|assist|comply|provide|create)|unable to (?:help|assist|comply|provide|create)|against (?:my|our|the) (?:policy|policies|guidelines)|content policy)\b/i;

function nothingRecoverable(raw: unknown, candidates: number, issues: ReportIssue[]): NothingRecoverableError {
  const text = typeof raw === 'string' ? raw.trim() : '';
  let message: string;
  if (typeof raw === 'string' && text === '') message = 'The answer is empty: there is nothing to repair. Ask the provider again.';
  else if (candidates > 0) message = 'The answer holds persona objects, but none has enough of a persona (at least 3 of name, age, location, occupation, bio, goals, pain points, interests) to keep.';
  else if (REFUSAL.test(text)) message = `The provider declined to answer: "${text.replace(/\s+/g, ' ').slice(0, 160)}${text.length > 160 ? '…' : ''}"`;
  else if (/[[{]/.test(text) || typeof raw !== 'string') message = 'The answer holds data, but no persona fields (name, age, occupation, bio, goals, …) were found in it.';
  else message = 'The answer holds no persona: no JSON, YAML or key-value fields were found in it.';
  return new NothingRecoverableError(message, [...issues, { type: 'missing_field', path: '/personas', fixed: false, how: message }]);
}

/** What to fill from when only the brief is known: its age range, its "City, Country", the constraints' top picks. */
export function fillContextFromBrief(brief: Brief | undefined, constraints?: CulturalConstraints): FillContext {
  const context: FillContext = {};
  if (brief?.ageRange) context.ageRange = brief.ageRange;
  const place = brief?.location ? parsePlace(brief.location) : undefined;
  if (place?.country) context.place = { city: place.city, country: place.country, ...(place.region ? { region: place.region } : {}) };
  if (constraints) context.culture = topCulturalPicks(constraints);
  return context;
}

export function topCulturalPicks(constraints: CulturalConstraints): Partial<Record<CulturalCategory, readonly string[]>> {
  const picks: Partial<Record<CulturalCategory, readonly string[]>> = {};
  for (const category of CULTURAL_CATEGORIES) {
    const candidates = constraints.categories[category] ?? [];
    picks[category] = [...candidates].sort((a, b) => b.relevance - a.relevance).slice(0, 3).map((c) => c.name);
  }
  return picks;
}

/** A top-up answer's personas after the first answer's, with paths renumbered and the report recomputed. */
export function appendRepair(first: RepairResult, more: RepairResult, count: number): RepairResult {
  const offset = first.document.personas.length;
  const renumber = (issue: ReportIssue): ReportIssue =>
    issue.path?.startsWith('/personas/') ? { ...issue, path: issue.path.replace(/^\/personas\/(\d+)/, (_, i: string) => `/personas/${Number(i) + offset}`) } : issue;
  const isShortfall = (issue: ReportIssue) => issue.path === '/personas' && issue.type === 'missing_field' && !issue.fixed;
  const personas = [...first.document.personas, ...more.document.personas].slice(0, count);
  const missing = Math.max(0, count - personas.length);
  const issues = [...first.report.issues.filter((i) => !isShortfall(i)), ...more.report.issues.filter((i) => !isShortfall(i)).map(renumber)];
  if (missing > 0) issues.push({ type: 'missing_field', path: '/personas', fixed: false, how: `${personas.length} of the ${count} personas asked for, after asking again: ${missing} missing` });
  const score = scoreDocument(personas.map((p) => p.meta?.qualityScore ?? 0), count);
  const report: ValidationReport = { valid: issues.every((i) => i.fixed), score, issues };
  return { document: { ...first.document, personas, report }, report, personas: [...first.personas, ...more.personas].slice(0, count), missing };
}
