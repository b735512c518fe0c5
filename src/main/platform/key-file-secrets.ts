/**
 * Seals API keys when no OS keychain is at hand (browser mode, the CLI, a desktop without one):
 * AES-256-GCM with a random key kept in `secret.key` beside app.db, readable by this user only.
 * It keeps keys out of app.db and its backups, so sending either to someone does not send the
 * keys; it does not protect against someone who can read the whole data folder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Encrypts keys at rest: the OS keychain (Electron's safeStorage) or a key file beside app.db. */
export interface SecretBox {
  readonly storage: 'os_keychain' | 'key_file';
  encrypt(plain: string): string;
  /** Throws when `sealed` was not sealed by this box. */
  decrypt(sealed: string): string;
}

const FORMAT = 'kf1.';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyFileSecretBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, 'secret.key');
  let key: Buffer | undefined;
  // Read or made on first use, so a data folder that never holds a key never gets a key file.
  const load = (): Buffer => (key ??= readOrCreateKey(file));
  return {
    storage: 'key_file',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', load(), iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FORMAT + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    decrypt(text) {
      if (!text.startsWith(FORMAT)) throw new Error('not sealed with the key file');
      const bytes = Buffer.from(text.slice(FORMAT.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', load(), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

function readOrCreateKey(file: string): Buffer {
  try {
    return checkedKey(file, fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = randomBytes(KEY_BYTES);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': a second process creating it at the same moment keeps the first one's key.
    fs.writeFileSync(file, created, { mode: 0o600, flag: 'wx' });
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return checkedKey(file, fs.readFileSync(file));
    throw error;
  }
}

function checkedKey(file: string, bytes: Buffer): Buffer {
  if (bytes.length === KEY_BYTES) return bytes;
  throw new Error(`${file} is not a key file (${bytes.length} bytes, expected ${KEY_BYTES}); move it aside and enter the API keys again.`);
}

/**
 * Seals with the keychain; opens a key-file seal with the key file (a key saved in browser mode
 * opens in the desktop app) and anything else with the keychain. Routed by the seal's own prefix,
 * not by trying: a keychain may hand back garbage for data it did not seal rather than throw.
 */
export function keychainWithKeyFile(keychain: SecretBox, keyFile: SecretBox): SecretBox {
  return {
    storage: keychain.storage,
    encrypt: (plain) => keychain.encrypt(plain),
    decrypt: (sealed) => (isKeyFileSeal(sealed) ? keyFile : keychain).decrypt(sealed),
  };
}

function isKeyFileSeal(sealed: string): boolean {
  return sealed.startsWith(FORMAT);
}
