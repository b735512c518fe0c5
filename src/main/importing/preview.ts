/**
 * The preview of an import: the source read, its personas recovered by the same repair as every
 * provider answer, and for each what was read as written, repaired to fit and filled because the
 * source lacked it. Nothing is invented silently: every filled field is listed, so the user can fix
 * it before importing. Scores come from the fidelity scorer every run's personas get.
 */
import { BUNDLE_TABLES } from '../../shared/bundle';
import type { ImportedPersona, ImportFormat, ImportPreview } from '../../shared/importing';
import type { Level, Persona, PersonaDocument, ReportIssue, ValidationReport } from '../../shared/persona';
import { MAX_PERSONAS } from '../../shared/persona';
import { repairAnswer } from '../generation';
import { AppError } from '../platform';
import { NothingRecoverableError } from '../validation';
import type { TasteDataset } from '../world';
import { briefFor, fidelityContext, scorePersonas } from './import-scoring';
import { readSource, type SourceInput } from './read-source';

export interface Inspection {
  preview: ImportPreview;
  /** The persona document as repair returned it (scored), for `import --dry-run --json`; null for a bundle. */
  document: (PersonaDocument & { report: ValidationReport }) | null;
}

const ARCHETYPE_NOTE = /^no personal name for "(.+)": kept its archetype title/;
const ANNOUNCED_NOTE = /announced (\d+) personas/;

export async function inspectSource(input: SourceInput, level: Level, description: string | undefined, dataset: TasteDataset): Promise<Inspection> {
  const source = await readSource(input);
  if (source.kind === 'bundle') {
    const { bundle } = source;
    const counts = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, bundle.tables[t].length])) as Extract<ImportPreview, { kind: 'bundle' }>['counts'];
    return { preview: { kind: 'bundle', sourceName: source.sourceName, workshopName: String(bundle.tables.workshops[0]?.name ?? ''), counts }, document: null };
  }
  const brief = briefFor(description, level, MAX_PERSONAS);
  let repaired;
  try {
    repaired = await repairAnswer(source.raw, { level, ...(brief ? { brief } : {}), dataset });
  } catch (error) {
    if (!(error instanceof NothingRecoverableError)) throw error;
    throw new AppError('invalid_request', `No persona found in ${source.sourceName}: ${reason(error.message)}. Paste or choose text that describes people (a name, an age, where they live, what they do, their goals).`, 'source');
  }
  const { report } = repaired;
  const archetypes = new Set(report.issues.flatMap((i) => ARCHETYPE_NOTE.exec(i.how ?? '')?.[1] ?? []));
  const found = repaired.document.personas;
  const scores = scorePersonas(found, fidelityContext(brief, level, dataset));
  const personas: ImportedPersona[] = found.map((persona, index) => {
    const nameKind = persona.meta?.nameKind ?? (archetypes.has(persona.name) || /^the\s+\S/i.test(persona.name) ? 'archetype' : 'person');
    const { score, reasons } = scores[index]!;
    const scored: Persona = { ...persona, meta: { ...persona.meta, qualityScore: score, qualityReasons: reasons, nameKind } };
    return { persona: scored, ...provenance(scored, index, report.issues, source.format), nameKind, score };
  });
  const mean = Math.round((scores.reduce((sum, s) => sum + s.score, 0) / scores.length) * 10) / 10;
  const notes = report.issues.filter((i) => !i.path?.startsWith('/personas/') && i.how).map((i) => sentence(i.how!));
  const announced = report.issues.map((i) => ANNOUNCED_NOTE.exec(i.how ?? '')?.[1]).find((n) => n !== undefined);
  const scoredReport = { ...report, score: mean };
  return {
    preview: { kind: 'personas', sourceName: source.sourceName, format: source.format, level, personas, notes: [...new Set(notes)], announced: announced === undefined ? null : Number(announced) },
    document: { ...repaired.document, ...(brief ? { brief: { ...brief, count: personas.length } } : {}), personas: personas.map((p) => p.persona), report: scoredReport },
  };
}

/** Formats whose fields are all written as labelled text: a label or a number in words is how they are written, not a repair. */
const DOCUMENT_FORMATS = new Set<ImportFormat>(['markdown', 'text', 'docx', 'csv']);
/** Repair notes that only say how a written field was read ("read from "Age"; turned text into a number"). */
const READING = /^(?:read from "|read from the text|read [{[]|turned text into a (?:number|list)|removed the quotation marks|split .+ into|cleaned the items)/;

/**
 * Top-level fields read, repaired and filled: filled from the persona's provenance, repaired from
 * the report's notes on this persona (a value cut, a type coerced, in JSON a key renamed), read for
 * the rest. In a document, a note that only says which label a field was read from is reading.
 */
function provenance(persona: Persona, index: number, issues: readonly ReportIssue[], format: ImportFormat): Pick<ImportedPersona, 'read' | 'repaired' | 'filled'> {
  const top = (pointer: string) => pointer.split('/')[1] ?? '';
  const prefix = `/personas/${index}/`;
  const mine = issues.filter((i) => i.path?.startsWith(prefix));
  const field = (i: ReportIssue) => top(i.path!.slice(prefix.length - 1));
  const filled = new Set([...(persona.meta?.filled ?? []).map(top), ...mine.filter((i) => i.type === 'missing_field' && !/^read /.test(i.how ?? '')).map(field)]);
  const reading = (i: ReportIssue) => DOCUMENT_FORMATS.has(format) && (i.how ?? '').split('; ').every((part) => READING.test(part));
  const repaired = new Set(mine.filter((i) => !filled.has(field(i)) && !reading(i)).map(field));
  const present = Object.keys(persona).filter((k) => k !== 'id' && k !== 'meta');
  return {
    read: present.filter((k) => !filled.has(k) && !repaired.has(k)),
    repaired: present.filter((k) => repaired.has(k) && !filled.has(k)),
    filled: present.filter((k) => filled.has(k)),
  };
}

/** Repair's message addresses a provider's answer; an import's reader wants it about their text. */
function reason(message: string): string {
  return message
    .replace(/\.$/, '')
    .replace(/ Ask the provider again$/, '')
    .replace(/^The provider declined to answer/, 'the text is a refusal, not personas')
    .replace(/^The answer/, 'the text')
    .replace(/\.$/, '');
}

/** Repair's notes speak of "the answer" (a provider's); here it is the user's text. */
function sentence(text: string): string {
  const t = text.trim().replace(/\bthe answer\b/g, 'the text');
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
