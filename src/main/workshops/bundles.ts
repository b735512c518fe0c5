/**
 * Workshop bundles: one workshop and everything hanging off it in app.db, written as one gzipped
 * JSON file and read back in one transaction, so an import is whole or not begun.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BUNDLE_FORMAT, BUNDLE_TABLES, BUNDLE_VERSION, bundleSchema, type Bundle, type BundleImportSummary, type BundleRow, type BundleTable } from '../../shared/bundle';
import { LOGO_MIME_TYPES } from '../../shared/logo-check';
import type { WorkshopLogo } from '../../shared/workshop';
import { AppError, type SqliteDatabase } from '../platform';
import { checkedAccent, checkedLogo } from './branding';

const RUNS = 'SELECT id FROM runs WHERE workshop_id = ?';
/** Which rows of each table belong to the workshop (one `?` for its id). */
const BELONGS: Record<BundleTable, string> = {
  workshops: 'id = ?',
  briefs: 'workshop_id = ?',
  runs: 'workshop_id = ?',
  personas: 'workshop_id = ?',
  edits: 'persona_id IN (SELECT id FROM personas WHERE workshop_id = ?)',
  interviews: `run_id IN (${RUNS})`,
  interview_turns: `interview_id IN (SELECT id FROM interviews WHERE run_id IN (${RUNS}))`,
  focus_groups: `run_id IN (${RUNS})`,
  focus_group_answers: `focus_group_id IN (SELECT id FROM focus_groups WHERE run_id IN (${RUNS}))`,
  concept_tests: `run_id IN (${RUNS})`,
  concept_verdicts: `concept_test_id IN (SELECT id FROM concept_tests WHERE run_id IN (${RUNS}))`,
};
/** Tables whose text id a bundle keeps; edits' integer ids are always given anew by SQLite. */
const ID_TABLES: readonly BundleTable[] = ['workshops', 'briefs', 'runs', 'personas', 'interviews', 'interview_turns', 'focus_groups', 'concept_tests'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const GZIP_MAGIC = [0x1f, 0x8b];
/** Columns holding bytes (BLOB): base64 text in a bundle, bytes again when imported. */
const BYTES_COLUMNS: Partial<Record<BundleTable, readonly string[]>> = { workshops: ['logo_bytes'] };

/** A row read from app.db as a bundle keeps it: bytes as base64 text. */
function bundleRow(table: BundleTable, row: Record<string, unknown>): BundleRow {
  for (const column of BYTES_COLUMNS[table] ?? []) {
    const value = row[column];
    if (Buffer.isBuffer(value)) row[column] = value.toString('base64');
  }
  return row as BundleRow;
}

/** Gzip because personas' JSON repeats its keys: the file is several times smaller and still plain JSON inside. */
export function exportBundle(db: SqliteDatabase, workshopId: string, appVersion: string, now = new Date()): Buffer {
  const tables = Object.fromEntries(
    BUNDLE_TABLES.map((t) => [t, (db.prepare(`SELECT * FROM ${t} WHERE ${BELONGS[t]} ORDER BY rowid`).all(workshopId) as Record<string, unknown>[]).map((row) => bundleRow(t, row))]),
  );
  if (tables.workshops!.length === 0) throw new AppError('not_found', `no workshop with id ${workshopId}`, 'workshopId');
  const bundle: Bundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: now.toISOString(), appVersion, workshopId, tables: tables as Bundle['tables'] };
  return gzipSync(JSON.stringify(bundle));
}

/** Reads a bundle's bytes (gzipped or plain JSON); refuses with what is wrong and what to do. */
export function readBundle(bytes: Uint8Array): Bundle {
  const refuse = (why: string) => new AppError('invalid_request', `${why}; nothing was imported`, 'bundle');
  let text: string;
  try {
    text = (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1] ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
  } catch {
    throw refuse('the bundle file is damaged (its compression is broken, perhaps cut short); export it again');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse('the file is damaged or not a workshop bundle (it is not JSON); export the workshop again and use that file');
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT) throw refuse(`the file is not a workshop bundle (its format should be "${BUNDLE_FORMAT}"); choose a file made by "workshops export"`);
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw refuse(`the bundle comes from a newer Persona Studio (bundle version ${head.version}; this one reads up to ${BUNDLE_VERSION}); update the app to import it`);
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`the bundle is damaged (${issue.path.join('.') || 'top level'}: ${issue.message}); export the workshop again`);
  }
  const workshop = parsed.data.tables.workshops;
  if (workshop.length !== 1 || workshop[0]!.id !== parsed.data.workshopId) throw refuse('the bundle is damaged (it should hold exactly its one workshop); export the workshop again');
  checkBranding(workshop[0]!, refuse);
  return parsed.data;
}

/**
 * Inserts a bundle in one transaction. Ids are kept when free; a workshop already here means the
 * bundle was imported before, so nothing is added. `remap` gives every row a new id (a copy).
 */
export function importBundle(db: SqliteDatabase, bundle: Bundle, options: { remap?: boolean } = {}): BundleImportSummary {
  const counts = Object.fromEntries(BUNDLE_TABLES.map((t) => [t, bundle.tables[t].length])) as Record<BundleTable, number>;
  const name = String(bundle.tables.workshops[0]!.name ?? '');
  const remap = options.remap === true;
  return db.transaction((): BundleImportSummary => {
    const taken = (table: string, id: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    if (!remap && taken('workshops', bundle.workshopId)) {
      return { workshopId: bundle.workshopId, workshopName: name, alreadyImported: true, remapped: false, counts: zero(counts) };
    }
    const ids = new Map<string, string>();
    for (const table of ID_TABLES) {
      for (const row of bundle.tables[table]) {
        const id = String(row.id);
        if (remap || taken(table, id)) ids.set(id, randomUUID());
      }
    }
    const swap = (value: BundleRow[string]) => (typeof value === 'string' && ids.size > 0 ? (ids.get(value) ?? value.replace(UUID, (id) => ids.get(id) ?? id)) : value);
    for (const table of BUNDLE_TABLES) {
      const known = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      for (const row of bundle.tables[table]) {
        const columns = Object.keys(row).filter((c) => !(table === 'edits' && c === 'id'));
        const unknown = columns.find((c) => !known.has(c));
        if (unknown) throw new AppError('invalid_request', `the bundle has a column this version does not know (${table}.${unknown}); update the app to import it; nothing was imported`, 'bundle');
        const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
        const bytesColumns = BYTES_COLUMNS[table] ?? [];
        const value = (c: string) => (bytesColumns.includes(c) && typeof row[c] === 'string' ? Buffer.from(row[c], 'base64') : swap(row[c]!));
        try {
          db.prepare(sql).run(...columns.map(value));
        } catch (error) {
          throw new AppError('invalid_request', `the bundle is damaged (a ${table} row does not fit: ${(error as Error).message}); nothing was imported; export the workshop again`, 'bundle');
        }
      }
    }
    const workshopId = ids.get(bundle.workshopId) ?? bundle.workshopId;
    return { workshopId, workshopName: name, alreadyImported: false, remapped: ids.size > 0, counts };
  })();
}

/**
 * A bundle's branding passes the checks a logo set in Settings passes (a bundle is a file from
 * elsewhere): an SVG with a script, or bytes that are not the image they claim, refuse the import.
 */
function checkBranding(workshop: BundleRow, refuse: (why: string) => AppError): void {
  const { accent, logo_mime: mimeType, logo_bytes: bytes } = workshop;
  try {
    if (accent !== undefined && accent !== null) checkedAccent(String(accent));
    if ((mimeType ?? null) === null && (bytes ?? null) === null) return;
    if (typeof mimeType !== 'string' || typeof bytes !== 'string' || !(LOGO_MIME_TYPES as readonly string[]).includes(mimeType)) throw new Error('its logo is not a PNG, JPEG or SVG image');
    checkedLogo({ mimeType: mimeType as WorkshopLogo['mimeType'], base64: bytes });
  } catch (error) {
    throw refuse(`the bundle's report branding cannot be used (${(error as Error).message.replace(/\.$/, '')})`);
  }
}

function zero(counts: Record<BundleTable, number>): Record<BundleTable, number> {
  return Object.fromEntries(Object.keys(counts).map((t) => [t, 0])) as Record<BundleTable, number>;
}
