/**
 * A CSV file as personas for repair: a row per persona, the header naming the fields. This app's
 * own export (reports/export-formats.ts) is read back column by column; any other header goes to
 * repair as written ("Name", "Age", "Pain points"), whose key aliases know the usual names.
 */
import { parse } from 'csv-parse/sync';
import { CULTURAL_CATEGORIES } from '../../shared/vocabulary';
import type { ImportFormat } from '../../shared/importing';
import { refuse } from './refuse';

type Row = Record<string, string>;

/** Columns only this app's export writes together: their presence means the file is one. */
const OWN_COLUMNS = ['name', 'city', 'country', 'income_bracket', 'pain_points', 'culture_music'];
/** Headers of list fields in other tools' files, whose cells hold several items. */
const LIST_HEADER = /goal|pain|frustration|need|motivation|value|interest|hobb|channel|behaviou?r|music|movie|film|tv|book|brand|food|podcast|destination|criteria|objection|tags/i;

export function csvPersonas(text: string, sourceName: string): { format: ImportFormat; raw: string } {
  let rows: Row[];
  try {
    // Spreadsheets in many locales write semicolons or tabs: the header row's own delimiter is the file's.
    const head = text.split(/\r?\n/, 1)[0]!;
    const delimiter = head.includes(',') ? ',' : head.includes(';') ? ';' : head.includes('\t') ? '\t' : ',';
    rows = parse(text, { delimiter, columns: (header: string[]) => header.map((h) => h.trim()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Row[];
  } catch (error) {
    throw refuse(`${sourceName} is not a readable CSV file (${(error as Error).message.split('\n')[0]}); save it again as CSV with a header row naming the fields`);
  }
  if (rows.length === 0) throw refuse(`${sourceName} has a header but no rows; add a row per persona`);
  const header = Object.keys(rows[0]!);
  const own = OWN_COLUMNS.every((c) => header.includes(c));
  const personas = own ? rows.map(fromOwnExport) : rows.map(fromGenericRow);
  return { format: own ? 'persona-studio' : 'csv', raw: JSON.stringify({ personas }) };
}

/** The export's lists are joined with "; ". */
const items = (cell: string | undefined) => (cell ? cell.split(/;\s*|\r?\n/).map((s) => s.trim()).filter(Boolean) : undefined);

function fromOwnExport(row: Row): Record<string, unknown> {
  const cell = (name: string) => (row[name] ? row[name] : undefined);
  const persona: Record<string, unknown> = {
    name: cell('name'),
    age: cell('age') !== undefined ? Number(cell('age')) : undefined,
    gender: cell('gender'),
    occupation: cell('occupation'),
    location: { city: cell('city'), country: cell('country') },
    incomeBracket: cell('income_bracket'),
    education: cell('education'),
    quote: cell('quote'),
    bio: cell('bio'),
    goals: items(cell('goals')),
    painPoints: items(cell('pain_points')),
    values: items(cell('values')),
    channels: items(cell('channels')),
  };
  if (CULTURAL_CATEGORIES.some((c) => `culture_${c}` in row)) {
    persona.culturalProfile = Object.fromEntries(CULTURAL_CATEGORIES.map((c) => [c, items(cell(`culture_${c}`)) ?? []]));
  }
  if (cell('b2b_role')) {
    persona.b2b = { role: cell('b2b_role'), industry: cell('b2b_industry'), companySize: cell('b2b_company_size'), decisionPower: cell('b2b_decision_power') };
  }
  return withoutEmpty(persona);
}

/** Any other CSV: keys as the header says; list-like columns split on ";" or line breaks. */
function fromGenericRow(row: Row): Record<string, unknown> {
  const persona: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === '' || value === '') continue;
    persona[key] = LIST_HEADER.test(key) && /;|\n/.test(value) ? items(value) : value;
  }
  return persona;
}

function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(typeof v === 'number' && Number.isNaN(v))));
}
