/**
 * Values sealed with a 32-byte key (AES-256-GCM): what cache.db, the team cache and backups hold
 * instead of readable personas and briefs. One layout for all: a version byte, a 12-byte IV, the
 * 16-byte tag, then the ciphertext. `aad` binds a sealed value to where it belongs (its cache key,
 * its team), so a value copied to another key does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
export const SEAL_KEY_BYTES = 32;

/** A value that did not open: sealed with another key, for another place, tampered with, or not sealed at all. */
export class SealError extends Error {
  override name = 'SealError';
}

export interface ValueSeal {
  seal(plain: Uint8Array, aad?: string): Buffer;
  /** Throws SealError when the value was not sealed by this key for `aad`. */
  open(sealed: Uint8Array, aad?: string): Buffer;
}

export function valueSeal(key: Uint8Array): ValueSeal {
  if (key.length !== SEAL_KEY_BYTES) throw new Error(`a sealing key is ${SEAL_KEY_BYTES} bytes (got ${key.length})`);
  const secret = Buffer.from(key);
  return {
    seal(plain, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, aad) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (bytes.length < HEADER_BYTES || bytes[0] !== VERSION) throw new SealError('not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(1, 1 + IV_BYTES));
        decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
        if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
        const body = decipher.update(bytes.subarray(HEADER_BYTES));
        const tail = decipher.final();
        // GCM's final() checks the tag and returns nothing: no copy on the hot path of a cache read.
        return tail.length === 0 ? body : Buffer.concat([body, tail]);
      } catch {
        throw new SealError('the value did not open: another key, another place, or altered');
      }
    },
  };
}

/**
 * A 32-byte key from key text the user types (a team key): scrypt, so a guessed passphrase costs
 * its attacker time; the label is the salt, so the same text gives another key for another use.
 * Called once per settings change, not per value.
 */
export function keyFromText(text: string, label: string): Buffer {
  return scryptSync(text.normalize('NFC'), `persona-studio:${label}`, SEAL_KEY_BYTES, { N: 1 << 14, r: 8, p: 1 });
}
