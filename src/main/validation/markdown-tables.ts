/**
 * Markdown tables in persona answers. Three layouts are common: one table per persona with a row
 * per field (`| Field | Value |`), one table for the whole set with a row per persona
 * (`| Name | Age | Occupation |`), and the transposed set with a column per persona
 * (`| | Sarah Chen | Tom Li |`). The first is read inside a persona's block like label lines; the
 * two others hold every persona at once.
 */
import type { PersonaCandidate } from './find-personas';
import { resolveKey } from './field-aliases';
import { cleanPersonName, isNameLabel, looksLikePersonName } from './person-name';

/** A table row's cells, or undefined when the line is no table row. */
export function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.startsWith('|') || t.length < 3) return undefined;
  return t
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.replace(/\*\*|__|`/g, '').replace(/<br\s*\/?>/gi, '; ').trim());
}

/** The `|---|:---:|` line under a table's header. */
export function isTableRule(line: string): boolean {
  return line.includes('|') && /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

/** A header cell that names the key column of a field/value table, not a field. */
export const KEY_COLUMN = /^(?:field|attribute|property|category|key|trait|detail|details|aspect|item|dimension|characteristic|)$/i;

function fieldOf(label: string): string | undefined {
  const target = resolveKey('persona', label);
  if (!target) return undefined;
  return target.kind === 'field' ? target.field : target.kind;
}

interface Table {
  start: number;
  end: number;
  header: string[];
  rows: string[][];
}

function tablesIn(lines: string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = tableCells(lines[i]!);
    if (!header || !isTableRule(lines[i + 1]!)) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const cells = tableCells(lines[j]!);
      if (!cells) break;
      rows.push(cells);
    }
    tables.push({ start: i, end: j, header, rows });
    i = j - 1;
  }
  return tables;
}

/**
 * The personas of tables that hold a whole set: a name column with at least two other persona
 * columns (a row per persona), or a name row with at least two other field rows (a column per
 * persona). Undefined when no table holds a set.
 */
export function personasFromTables(lines: string[]): Array<Record<string, unknown>> | undefined {
  const personas: Array<Record<string, unknown>> = [];
  for (const table of tablesIn(lines)) {
    const fields = table.header.map(fieldOf);
    const nameColumn = fields.indexOf('name');
    if (nameColumn >= 0 && fields.filter((f) => f !== undefined && f !== 'name').length >= 2) {
      for (const row of table.rows) {
        const record: Record<string, unknown> = {};
        table.header.forEach((h, c) => {
          if (row[c] !== undefined && row[c] !== '' && h !== '') record[h] = row[c];
        });
        if (typeof record[table.header[nameColumn]!] === 'string') personas.push(record);
      }
      continue;
    }
    // Transposed: the first column names the fields, each further column is one persona.
    const rowFields = table.rows.map((r) => fieldOf(r[0] ?? ''));
    const headerNames = table.header.slice(1).filter((h) => h !== '' && !KEY_COLUMN.test(h));
    const nameRow = rowFields.indexOf('name');
    if (table.header.length >= 3 && rowFields.filter((f) => f !== undefined && f !== 'name').length >= 2 && (nameRow >= 0 || headerNames.length === table.header.length - 1)) {
      for (let c = 1; c < table.header.length; c++) {
        const record: Record<string, unknown> = nameRow >= 0 ? {} : { name: table.header[c] };
        for (const row of table.rows) if (row[0] && row[c]) record[row[0]] = row[c];
        if (Object.keys(record).length >= 2) personas.push(record);
      }
    }
  }
  return personas.length > 0 ? personas : undefined;
}

/** Table records as candidates, their names cleaned, an archetype title marked as one. */
export function fromTable(records: Array<Record<string, unknown>>): { candidates: PersonaCandidate[]; archetypes: string[] } {
  const candidates: PersonaCandidate[] = [];
  const archetypes: string[] = [];
  for (const record of records) {
    const key = Object.keys(record).find(isNameLabel);
    const name = cleanPersonName(String(key ? record[key] : record.name));
    const person = looksLikePersonName(name);
    if (!person) archetypes.push(name);
    candidates.push({ raw: { ...record, ...(key ? { [key]: name } : { name }) }, truncated: false, ...(person ? {} : { archetype: true }) });
  }
  return { candidates, archetypes };
}
