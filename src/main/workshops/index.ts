export { AppRecovery, RecoveryError, openWorkshopStoreOrRecover } from './app-recovery';
export type { WorkshopStore } from './workshop-store';
export { Workshops } from './workshops';
export type { Generate, NewPersonaRequest } from './workshops';
