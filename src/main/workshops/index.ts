/**
 * The workshops module: the user's work in app.db (workshops, runs, personas, edits), its backups and recovery, and the rules for editing and adding personas.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { AppRecovery, RecoveryError, openWorkshopStoreOrRecover } from './app-recovery';
export type { WorkshopStore } from './workshop-store';
export { DEFAULT_WORKSHOP_NAME } from './workshop-rows';
export { Workshops } from './workshops';
export type { WorkshopsOptions } from './workshops';
export type { Deleted, DeletionTarget, PurgeCached } from './erasure';
export type { Generate, NewPersonaRequest } from './persona-work';
export type { WorkshopFields } from './workshop-rows';
export { exportBundle, importBundle, readBundle } from './bundles';
export { checkedAccent, checkedLogo } from './branding';
export type { BrandingChange } from './branding';
