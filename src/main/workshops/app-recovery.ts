/**
 * Keeps the user's work recoverable. While app.db opens, a copy goes to backups/ once a day
 * (SQLite's online backup, consistent while the app writes; the newest five are kept). When app.db
 * is damaged, the app runs on an in-memory store and offers two ways out: restore a copy, or start
 * empty. Either way the damaged file is renamed to app.db.damaged-<time>, never overwritten or
 * deleted, so a wrong choice loses nothing. A file from a newer version, or one that could not be
 * opened for another reason (permissions, a full disk), is fine as it is: nothing is offered.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_NAME, type RecoveryState } from '../../shared/recovery';
import { WorkshopStore, appDatabaseFile } from './workshop-store';
import { APP_MIGRATIONS } from './migrations';
import { DatabaseOpenError, type OpenOptions, type ValueSeal } from '../platform';
import { RecoveryError } from './recovery-error';
import { isSealedBackup, openSealedBackup, writeSealedBackup } from './sealed-backup';

export type BackupInfo = RecoveryState['backups'][number];

export interface OpenedAppStore {
  store: WorkshopStore;
  /** Set when app.db could not be opened and `store` lives in memory. */
  damaged: RecoveryState['damaged'];
}

/** Opens app.db; when it will not open, an in-memory store instead and what went wrong. */
export function openWorkshopStoreOrRecover(dataDir: string, options: OpenOptions = {}): OpenedAppStore {
  try {
    return { store: WorkshopStore.open(dataDir, options), damaged: null };
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    return { store: WorkshopStore.inMemory(options), damaged: { file: error.file, reason: error.reason, failure: error.failure } };
  }
}

export { RecoveryError };

const DAY_MS = 86_400_000;
/** Backups kept; the oldest beyond this are removed after each new one. */
const BACKUPS_KEPT = 5;

export class AppRecovery {
  private restartPending = false;
  /** Backups being written now: their .partial copies are theirs, and SQLite keeps them up to date with every change. */
  private writing = 0;

  constructor(
    private readonly dataDir: string,
    private readonly damaged: RecoveryState['damaged'],
    private readonly sqlite: OpenOptions = {},
    /** The local data key: backups are sealed with it; without it (tests of the plain path) they are SQLite files. */
    private readonly seal?: ValueSeal,
  ) {}

  get folder(): string {
    return path.join(this.dataDir, 'backups');
  }

  state(): RecoveryState {
    return { damaged: this.damaged, backups: this.backups(), restartPending: this.restartPending };
  }

  /** Backups, newest first. */
  backups(): BackupInfo[] {
    if (!fs.existsSync(this.folder)) return [];
    return fs
      .readdirSync(this.folder)
      .flatMap((name) => {
        const match = BACKUP_FILE_NAME.exec(name);
        if (!match) return [];
        const takenAt = match[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z');
        return [{ name, takenAt, bytes: fs.statSync(path.join(this.folder, name)).size }];
      })
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /**
   * Backups that may hold what was written at or after `since` (taken then or later), newest first:
   * a delete leaves its data in them. None while app.db is not open: nothing done now reaches a backup.
   */
  backupsSince(since: string): BackupInfo[] {
    if (this.damaged) return [];
    const from = Date.parse(since);
    return this.backups().filter((backup) => Date.parse(backup.takenAt) >= from);
  }

  /** Deletes the backups that may hold what was written at or after `since`; returns how many. */
  deleteBackupsSince(since: string): number {
    const doomed = this.backupsSince(since);
    for (const backup of doomed) fs.rmSync(path.join(this.folder, backup.name), { force: true });
    // A backup cut short leaves a .partial copy that holds the same data. One being written now is
    // left alone: SQLite's backup follows changes made on its own connection, deletes included.
    if (doomed.length > 0 && this.writing === 0) for (const name of fs.readdirSync(this.folder)) if (name.includes('.partial')) fs.rmSync(path.join(this.folder, name), { force: true });
    return doomed.length;
  }

  /** Takes a backup when the newest is a day old or there is none. */
  async backupIfDue(store: WorkshopStore, now = Date.now()): Promise<BackupInfo | null> {
    if (this.damaged) return null;
    const newest = this.backups()[0];
    if (newest && now - Date.parse(newest.takenAt) < DAY_MS) return null;
    return this.backup(store, now);
  }

  /** A backup of `store` now; refused while app.db is not open (the in-memory store is not the user's work). */
  async backup(store: WorkshopStore, now = Date.now()): Promise<BackupInfo> {
    if (this.damaged) throw new RecoveryError('app.db is not open; there is nothing to back up.');
    fs.mkdirSync(this.folder, { recursive: true, mode: 0o700 });
    // Leftovers of a backup cut short by a crash or a quit.
    for (const name of fs.readdirSync(this.folder)) if (name.includes('.partial')) fs.rmSync(path.join(this.folder, name), { force: true });
    const name = `app-${new Date(now).toISOString().replace(/[:.]/g, '-')}.db`;
    const file = path.join(this.folder, name);
    // Written under a temporary name, so a crash mid-copy never leaves a backup that looks whole.
    const partial = `${file}.partial`;
    const sealedPartial = `${file}.sealed.partial`;
    this.writing++;
    try {
      // Made 0600 before SQLite writes to it, which keeps an existing file's mode.
      fs.writeFileSync(partial, '', { mode: 0o600 });
      await store.backupTo(partial);
      if (this.seal) writeSealedBackup(partial, sealedPartial, this.seal);
      fs.renameSync(this.seal ? sealedPartial : partial, file);
    } finally {
      this.writing--;
      fs.rmSync(partial, { force: true });
      fs.rmSync(sealedPartial, { force: true });
    }
    for (const old of this.backups().slice(BACKUPS_KEPT)) fs.rmSync(path.join(this.folder, old.name), { force: true });
    return { name, takenAt: new Date(now).toISOString(), bytes: fs.statSync(file).size };
  }

  /**
   * Puts a checked copy of the backup in app.db's place, the damaged file moved aside; takes effect
   * on restart. The copy is made, synced and checked before anything is moved, so a failure (a full
   * disk) leaves everything as it was.
   */
  restore(name: string): { movedTo: string } {
    this.requireDamaged();
    const backup = this.backups().find((b) => b.name === name);
    if (!backup) throw new RecoveryError(`There is no backup called ${name}; choose one of those listed.`, 'backup');
    const target = appDatabaseFile(this.dataDir);
    const incoming = `${target}.restoring`;
    try {
      const source = path.join(this.folder, backup.name);
      // Backups from before sealing are plain SQLite files and restore as they are.
      if (isSealedBackup(source)) openSealedBackup(source, backup.name, incoming, this.seal);
      else copySynced(source, incoming);
      // The copy is what gets used, so the copy is what is checked.
      verifyBackup(incoming, backup.name, this.sqlite);
      const movedTo = moveDamagedAside(target);
      fs.renameSync(incoming, target);
      syncFolder(this.dataDir);
      this.restartPending = true;
      return { movedTo };
    } finally {
      fs.rmSync(incoming, { force: true });
    }
  }

  /** Moves the damaged app.db aside so that the next start begins with an empty one. */
  startFresh(): { movedTo: string } {
    this.requireDamaged();
    const movedTo = moveDamagedAside(appDatabaseFile(this.dataDir));
    syncFolder(this.dataDir);
    this.restartPending = true;
    return { movedTo };
  }

  private requireDamaged(): void {
    if (!this.damaged) throw new RecoveryError('app.db opened normally; there is nothing to recover.');
    if (this.damaged.failure === 'newer_version') throw new RecoveryError('app.db was saved by a newer version of Persona Studio and is not damaged: update the app to open it.');
    if (this.damaged.failure === 'unavailable') throw new RecoveryError(`app.db is not damaged but could not be opened (${this.damaged.reason}); fix that and start again.`);
    if (this.restartPending) throw new RecoveryError('A recovery is already waiting for the app to restart.');
  }
}

/** A backup must open, pass its check and come from this version or an older one before it replaces anything. */
function verifyBackup(file: string, name: string, sqlite: OpenOptions): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(sqlite.nativeBinding ? { nativeBinding: sqlite.nativeBinding } : {}) });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`its integrity check failed (${String(check)})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > APP_MIGRATIONS.length) throw new Error('it was written by a newer version of Persona Studio');
  } catch (error) {
    throw new RecoveryError(`The backup ${name} cannot be restored: ${error instanceof Error ? error.message : String(error)}. Choose another one.`);
  } finally {
    db?.close();
  }
}

function copySynced(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const handle = fs.openSync(to, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Makes renames in the folder durable; not every platform can open a folder for that, which is harmless. */
function syncFolder(folder: string): void {
  try {
    const handle = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    // Windows cannot fsync a directory; its renames are durable enough for this.
  }
}

/** Renames app.db and its WAL files to app.db.damaged-<time>; returns the new name of app.db. */
function moveDamagedAside(file: string): string {
  if (!fs.existsSync(file)) throw new RecoveryError(`${file} is no longer there; restart Persona Studio.`);
  const target = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
