/**
 * The local data key: 32 random bytes that seal what the app keeps at rest besides app.db itself
 * (cache.db's values and brief text, app.db's backups). It lives in `data.key` beside app.db, and
 * the file holds the key sealed by the same SecretBox as the API keys: the OS keychain in the
 * desktop app (safeStorage can only seal strings, so the key is sealed as base64 text), the key
 * file `secret.key` elsewhere. One format for every host, so a data folder first used by the CLI
 * or browser mode keeps its key in the desktop app, which opens key-file seals too.
 *
 * Why a key of its own rather than secret.key's bytes: in the desktop app the data must be
 * protected by the keychain, not by a file lying beside it; and API-key seals and data seals never
 * share a key, so neither file's loss or replacement touches the other's data.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretBox } from './key-file-secrets';
import { SEAL_KEY_BYTES } from './value-seal';

export const DATA_KEY_FILE = 'data.key';

/** data.key is there but does not open here: never replaced, since sealed backups need it. */
export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

export interface DataKey {
  key: Buffer;
  /** True when this call made the key (a new data folder, or one from before sealing). */
  created: boolean;
}

/** Reads data.key, or makes it (mode 0600) when the folder has none. Throws DataKeyError when it will not open. */
export function openDataKey(dataDir: string, box: SecretBox): DataKey {
  const file = path.join(dataDir, DATA_KEY_FILE);
  const existing = readIfThere(file);
  if (existing !== undefined) return { key: unsealed(file, existing, box), created: false };
  const key = randomBytes(SEAL_KEY_BYTES);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written whole and synced under a temporary name, then linked into place: a crash never leaves a
  // half-written data.key, and link refuses to replace one a second process made meanwhile.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = fs.openSync(temporary, 'wx', 0o600);
    try {
      fs.writeSync(handle, box.encrypt(key.toString('base64')));
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    linkOrCopy(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: unsealed(file, fs.readFileSync(file, 'utf8'), box), created: false };
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return { key, created: true };
}

/** A folder without hard links (FAT, some network shares) gets an exclusive copy instead: still never over another key. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

function readIfThere(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function unsealed(file: string, text: string, box: SecretBox): Buffer {
  let base64: string;
  try {
    base64 = box.decrypt(text.trim());
  } catch (error) {
    const by = text.startsWith('kf1.') ? 'secret.key in the same folder' : "the desktop app's OS keychain";
    throw new DataKeyError(
      `${file} (sealed by ${by}) could not be opened here (${error instanceof Error ? error.message : String(error)}). ` +
        'Open this data folder with the app that made it, or put back the secret.key it came with; data.key was left as it is, since sealed backups need it.',
    );
  }
  const key = Buffer.from(base64, 'base64');
  if (key.length !== SEAL_KEY_BYTES) throw new DataKeyError(`${file} does not hold a ${SEAL_KEY_BYTES}-byte key (${key.length} bytes); it was left as it is. Move it aside to start a new key (cache.db is then rebuilt and older backups no longer open).`);
  return key;
}
