/**
 * Workshops in app.db: made, renamed, archived and restored, and the one the user works in now
 * (a row of the settings table, so the desktop app, browser mode and the CLI share it).
 */
import { randomUUID } from 'node:crypto';
import type { WorkshopSummary } from '../../shared/workshop';
import type { SqliteDatabase } from '../platform';
import type { StoredLogo } from './branding';
import { WORKSHOP_SELECT, toWorkshop, type WorkshopRow } from './store-rows';

export const DEFAULT_WORKSHOP_NAME = 'My workshop';
/** The settings row that remembers the current workshop. */
export const CURRENT_WORKSHOP_KEY = 'workshops.current';

export interface WorkshopFields {
  name: string;
  client?: string | null;
  description?: string | null;
}

export class WorkshopRows {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare('INSERT INTO workshops (id, name, client, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE workshops SET name = ?, client = ?, description = ?, updated_at = ? WHERE id = ?'),
      archive: db.prepare('UPDATE workshops SET archived_at = ?, updated_at = ? WHERE id = ?'),
      touch: db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?'),
      accent: db.prepare('UPDATE workshops SET accent = ?, updated_at = ? WHERE id = ?'),
      logo: db.prepare('UPDATE workshops SET logo_mime = ?, logo_bytes = ?, updated_at = ? WHERE id = ?'),
      readLogo: db.prepare<[string], { logo_mime: string | null; logo_bytes: Buffer | null }>('SELECT logo_mime, logo_bytes FROM workshops WHERE id = ?'),
      one: db.prepare<[string], WorkshopRow>(`${WORKSHOP_SELECT} WHERE w.id = ?`),
      all: db.prepare<[number], WorkshopRow>(`${WORKSHOP_SELECT} WHERE ? OR w.archived_at IS NULL ORDER BY w.updated_at DESC, w.name`),
      latestActive: db.prepare<[], { id: string }>('SELECT id FROM workshops WHERE archived_at IS NULL ORDER BY updated_at DESC, created_at LIMIT 1'),
      remembered: db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?'),
      remember: db.prepare(
        'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
      ),
    };
  }

  create(fields: WorkshopFields, now = new Date()): WorkshopSummary {
    const id = randomUUID();
    const at = now.toISOString();
    this.statements.insert.run(id, fields.name, fields.client ?? null, fields.description ?? null, at, at);
    return this.get(id)!;
  }

  get(id: string): WorkshopSummary | undefined {
    const row = this.statements.one.get(id);
    return row && toWorkshop(row);
  }

  /** Most recently used first; archived ones only when asked. */
  list(includeArchived = false): WorkshopSummary[] {
    return this.statements.all.all(includeArchived ? 1 : 0).map(toWorkshop);
  }

  /** Changes the fields given (a null client or description removes it); undefined when there is no such workshop. */
  update(id: string, fields: Partial<WorkshopFields>, now = new Date()): WorkshopSummary | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { name: fields.name ?? current.name, client: fields.client === undefined ? current.client : fields.client, description: fields.description === undefined ? current.description : fields.description };
    this.statements.update.run(next.name, next.client, next.description, now.toISOString(), id);
    return this.get(id);
  }

  /**
   * Sets the report's accent and logo (checked by the caller): a value sets, null removes, undefined
   * keeps. One transaction; undefined when there is no such workshop.
   */
  setBranding(id: string, branding: { accent?: string | null | undefined; logo?: StoredLogo | null | undefined }, now = new Date()): WorkshopSummary | undefined {
    return this.db.transaction(() => {
      if (!this.statements.one.get(id)) return undefined;
      const at = now.toISOString();
      if (branding.accent !== undefined) this.statements.accent.run(branding.accent, at, id);
      if (branding.logo !== undefined) this.statements.logo.run(branding.logo?.mimeType ?? null, branding.logo?.bytes ?? null, at, id);
      return this.get(id);
    })();
  }

  /** The cover's logo; null when none is set, undefined when there is no such workshop. */
  logo(id: string): StoredLogo | null | undefined {
    const row = this.statements.readLogo.get(id);
    if (!row) return undefined;
    if (row.logo_mime === null || row.logo_bytes === null) return null;
    return { mimeType: row.logo_mime as StoredLogo['mimeType'], bytes: row.logo_bytes };
  }

  setArchived(id: string, archived: boolean, now = new Date()): void {
    this.statements.archive.run(archived ? now.toISOString() : null, now.toISOString(), id);
  }

  touch(id: string, at: string): void {
    this.statements.touch.run(at, id);
  }

  /** The workshop last chosen, if it still exists and is not archived; else the most recently used active one, else a new one. Remembered. */
  currentId(): string {
    const remembered = this.remembered();
    const chosen = remembered ? this.get(remembered) : undefined;
    if (chosen && chosen.archivedAt === null) return chosen.id;
    const id = this.statements.latestActive.get()?.id ?? this.create({ name: DEFAULT_WORKSHOP_NAME }).id;
    this.remember(id);
    return id;
  }

  /** The id of the workshop last chosen, as stored (it may since have been archived or deleted). */
  remembered(): string | undefined {
    const stored = this.statements.remembered.get(CURRENT_WORKSHOP_KEY)?.value_json;
    if (stored === undefined) return undefined;
    try {
      const id: unknown = JSON.parse(stored);
      return typeof id === 'string' ? id : undefined;
    } catch {
      return undefined;
    }
  }

  remember(id: string, now = new Date()): void {
    this.statements.remember.run(CURRENT_WORKSHOP_KEY, JSON.stringify(id), now.toISOString());
  }
}
