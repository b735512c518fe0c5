export { SettingsError, SettingsStore } from './settings-store';
