/**
 * Keeps the user's work recoverable. While app.db opens, a copy goes to backups/ once a day
 * (SQLite's online backup, consistent while the app writes; the newest five are kept). When app.db
 * will not open, the app runs on an in-memory store and offers two ways out: restore a copy, or
 * start empty. Either way the damaged file is renamed to app.db.damaged-<time> first, never
 * overwritten or deleted, so a wrong choice loses nothing.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { RecoveryState } from '../../shared/recovery';
import { AppStore, appDatabaseFile } from './app-store';
import { APP_MIGRATIONS } from './migrations';
import { DatabaseOpenError, type OpenOptions } from './sqlite';

export interface OpenedAppStore {
  store: AppStore;
  /** Set when app.db could not be opened and `store` lives in memory. */
  damaged: RecoveryState['damaged'];
}

/** Opens app.db; when it will not open, an in-memory store instead and what went wrong. */
export function openAppStoreOrRecover(dataDir: string, options: OpenOptions = {}): OpenedAppStore {
  try {
    return { store: AppStore.open(dataDir, options), damaged: null };
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    return { store: AppStore.inMemory(options), damaged: { file: error.file, reason: error.reason, failure: error.failure } };
  }
}

/** A choice the user made that cannot be carried out; the message says why and what to do. */
export class RecoveryError extends Error {
  override name = 'RecoveryError';
}

const DAY_MS = 86_400_000;
const BACKUP_NAME = /^app-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.db$/;

export class AppRecovery {
  private restartPending = false;

  constructor(
    private readonly dataDir: string,
    private readonly damaged: RecoveryState['damaged'],
    private readonly sqlite: OpenOptions = {},
    private readonly keep = 5,
  ) {}

  get folder(): string {
    return path.join(this.dataDir, 'backups');
  }

  state(): RecoveryState {
    return { damaged: this.damaged, backups: this.backups(), restartPending: this.restartPending };
  }

  /** Backups, newest first. */
  backups(): RecoveryState['backups'] {
    if (!fs.existsSync(this.folder)) return [];
    return fs
      .readdirSync(this.folder)
      .flatMap((name) => {
        const match = BACKUP_NAME.exec(name);
        if (!match) return [];
        const takenAt = match[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z');
        return [{ name, takenAt, bytes: fs.statSync(path.join(this.folder, name)).size }];
      })
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /** Takes a backup when the newest is a day old or there is none; never while app.db is damaged. */
  async backupIfDue(store: AppStore, now = Date.now()): Promise<RecoveryState['backups'][number] | null> {
    if (this.damaged) return null;
    const newest = this.backups()[0];
    if (newest && now - Date.parse(newest.takenAt) < DAY_MS) return null;
    return this.backup(store, now);
  }

  async backup(store: AppStore, now = Date.now()): Promise<RecoveryState['backups'][number]> {
    fs.mkdirSync(this.folder, { recursive: true });
    const name = `app-${new Date(now).toISOString().replace(/[:.]/g, '-')}.db`;
    const file = path.join(this.folder, name);
    // Written under a temporary name, so a crash mid-copy never leaves a backup that looks whole.
    const partial = `${file}.partial`;
    try {
      await store.backupTo(partial);
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
    for (const old of this.backups().slice(this.keep)) fs.rmSync(path.join(this.folder, old.name), { force: true });
    return { name, takenAt: new Date(now).toISOString(), bytes: fs.statSync(file).size };
  }

  /** Moves the damaged app.db aside and puts a checked copy of the backup in its place; takes effect on restart. */
  restore(name: string): { movedTo: string } {
    this.requireDamaged();
    const backup = this.backups().find((b) => b.name === name);
    if (!backup) throw new RecoveryError(`There is no backup called ${name}; choose one of those listed.`);
    const source = path.join(this.folder, backup.name);
    verifyBackup(source, this.sqlite);
    const target = appDatabaseFile(this.dataDir);
    const movedTo = moveDamagedAside(target);
    const incoming = `${target}.restoring`;
    fs.copyFileSync(source, incoming);
    fs.renameSync(incoming, target);
    this.restartPending = true;
    return { movedTo };
  }

  /** Moves the damaged app.db aside so that the next start begins with an empty one. */
  startFresh(): { movedTo: string } {
    this.requireDamaged();
    const movedTo = moveDamagedAside(appDatabaseFile(this.dataDir));
    this.restartPending = true;
    return { movedTo };
  }

  private requireDamaged(): void {
    if (!this.damaged) throw new RecoveryError('app.db opened normally; there is nothing to recover.');
    if (this.restartPending) throw new RecoveryError('A recovery is already waiting for the app to restart.');
  }
}

/** A backup must open, pass its check and come from this version or an older one before it replaces anything. */
function verifyBackup(file: string, sqlite: OpenOptions): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(sqlite.nativeBinding ? { nativeBinding: sqlite.nativeBinding } : {}) });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`its integrity check failed (${String(check)})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > APP_MIGRATIONS.length) throw new Error('it was written by a newer version of Persona Studio');
  } catch (error) {
    throw new RecoveryError(`The backup ${path.basename(file)} cannot be restored: ${error instanceof Error ? error.message : String(error)}. Choose another one.`);
  } finally {
    db?.close();
  }
}

/** Renames app.db and its WAL files to app.db.damaged-<time>; returns the new name of app.db. */
function moveDamagedAside(file: string): string {
  const target = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
