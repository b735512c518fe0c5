/**
 * The settings module: the settings store: one zod schema (src/shared/settings.ts) kept in app.db, keys sealed, the environment applied.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { SettingsError, SettingsStore } from './settings-store';
