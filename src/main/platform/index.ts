export { APP_ROOT, DATASET_DIR } from './app-root';
export { defaultDataDir } from './data-dir';
export { keyFileSecretBox, keychainWithKeyFile } from './key-file-secrets';
export type { SecretBox } from './key-file-secrets';
export { describeForLog, redactSecrets, rememberSecret, reportUncaughtErrorsScrubbed } from './secret-redaction';
export { WINDOW_WEB_PREFERENCES, appUrlMatcher, cspOf, isTrustedSender, newWindowDecision, permissionGranted } from './security-policy';
export { DatabaseOpenError, openDatabase, openError } from './sqlite';
export type { OpenOptions, SqliteDatabase } from './sqlite';
