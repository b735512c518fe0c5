export { CallError, asCallError, codeForStatus } from './call-error';
export type { CallErrorCode } from './call-error';
export { SystemResourceSampler } from './resource-sampler';
export type { ResourceSource } from './resource-sampler';
export { Scheduler } from './scheduler';
export type { CallEvent, Priority, SchedulerOptions } from './scheduler';
