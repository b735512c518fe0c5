/**
 * The seal for data at rest (cache.db, app.db's backups), from the data folder's data.key opened by
 * the same SecretBox as the API keys (the keychain in the desktop app, secret.key elsewhere).
 */
import { DataKeyError, openDataKey, tightenDataFolder, valueSeal, type SecretBox, type ValueSeal } from '../platform';
import { randomBytes } from 'node:crypto';

export interface LocalDataSeal {
  seal: ValueSeal;
  /**
   * False when data.key is there but does not open here (sealed by the desktop app's keychain, seen
   * from the CLI): the cache then seals with a key of this session only (its entries read as misses
   * and are rebuilt) and no backup is taken, since it could never be restored.
   */
  durable: boolean;
}

/** Tightens the data folder's modes, then opens (or makes) its data key; `given` overrides it (tests). */
export function localDataSeal(dataDir: string, box: SecretBox, given?: Uint8Array): LocalDataSeal {
  tightenDataFolder(dataDir);
  if (given) return { seal: valueSeal(given), durable: true };
  try {
    return { seal: valueSeal(openDataKey(dataDir, box).key), durable: true };
  } catch (error) {
    if (!(error instanceof DataKeyError)) throw error;
    console.warn(`[data] ${error.message} Until then cached results are kept for this session only and app.db is not backed up.`);
    return { seal: valueSeal(randomBytes(32)), durable: false };
  }
}
