/**
 * The platform module: process facilities: SQLite files, sealed API keys, secret redaction, paths, the window's security decisions, AppError.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { APP_ROOT, DATASET_DIR } from './app-root';
export { chmodQuietly, defaultDataDir, tightenDataFolder } from './data-dir';
export { DATA_KEY_FILE, DataKeyError, openDataKey } from './data-key';
export type { DataKey } from './data-key';
export { keyFileSecretBox, keychainWithKeyFile } from './key-file-secrets';
export type { SecretBox } from './key-file-secrets';
export { reportUncaughtErrorsScrubbed, SecretRegistry } from './secret-redaction';
export { WINDOW_WEB_PREFERENCES, appUrlMatcher, cspOf, isTrustedSender, newWindowDecision, permissionGranted } from './security-policy';
export { DatabaseOpenError, openDatabase, openError } from './sqlite';
export type { OpenOptions, SqliteDatabase } from './sqlite';
export { SEAL_KEY_BYTES, SealError, keyFromText, valueSeal } from './value-seal';
export type { ValueSeal } from './value-seal';
export { AppError } from './app-error';
export type { AppErrorCode } from './app-error';
