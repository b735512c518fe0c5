export { AppRecovery, RecoveryError, openWorkshopStoreOrRecover } from './app-recovery';
export type { WorkshopStore } from './workshop-store';
