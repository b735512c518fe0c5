/**
 * The workshops module: the user's work in app.db (workshops, runs, personas, edits), its backups and recovery, and the rules for editing and adding personas.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { AppRecovery, RecoveryError, openWorkshopStoreOrRecover } from './app-recovery';
export type { WorkshopStore } from './workshop-store';
export { Workshops } from './workshops';
export type { Generate, NewPersonaRequest } from './workshops';
