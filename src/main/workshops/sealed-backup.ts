/**
 * app.db's backups sealed with the local data key, so a copied or lost backups/ folder holds no
 * readable brief or persona. app.db itself stays a plain SQLite file (the app opens it in place);
 * a backup is SQLite's online copy written to a temporary file, then sealed whole into the backup.
 * A file starts with a line naming the format, so a backup from before sealing (a plain SQLite file)
 * is told apart and still restores.
 */
import fs from 'node:fs';
import { SealError, type ValueSeal } from '../platform';
import { RecoveryError } from './recovery-error';

const MAGIC = Buffer.from('persona-studio sealed backup v1\n', 'utf8');
/** Binds the seal to its use: a sealed cache value cannot pass for a backup. */
const AAD = 'persona-studio app.db backup';

/** Seals the plain copy `plainFile` into `target` (mode 0600), synced before it is renamed into place by the caller. */
export function writeSealedBackup(plainFile: string, target: string, seal: ValueSeal): void {
  const sealed = seal.seal(fs.readFileSync(plainFile), AAD);
  writeSynced(target, [MAGIC, sealed]);
}

export function isSealedBackup(file: string): boolean {
  const head = Buffer.alloc(MAGIC.length);
  const handle = fs.openSync(file, 'r');
  try {
    return fs.readSync(handle, head, 0, MAGIC.length, 0) === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(handle);
  }
}

/** Opens a sealed backup into `target` (a plain SQLite file, mode 0600, synced); refuses one this key did not seal. */
export function openSealedBackup(file: string, name: string, target: string, seal: ValueSeal | undefined): void {
  if (!seal) throw new RecoveryError(`The backup ${name} cannot be restored: it is sealed and this data folder has no data key to open it (data.key). Choose another one.`, 'backup');
  let plain: Buffer;
  try {
    plain = seal.open(fs.readFileSync(file).subarray(MAGIC.length), AAD);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new RecoveryError(
      `The backup ${name} cannot be restored: it was sealed with another data key than this data folder's data.key, or it was altered; nothing was changed. ` +
        'Choose another one, or put back the data.key (and, outside the desktop app, the secret.key) of the folder it was taken in.',
      'backup',
    );
  }
  writeSynced(target, [plain]);
}

function writeSynced(target: string, parts: readonly Buffer[]): void {
  const handle = fs.openSync(target, 'w', 0o600);
  try {
    for (const part of parts) fs.writeSync(handle, part);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}
