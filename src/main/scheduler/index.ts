/**
 * The scheduler module: every outbound call: priority queue, adaptive concurrency, timeouts, retries, circuit breakers, resource sampling.
 * Its whole public surface; docs/ARCHITECTURE.md says what it may import.
 */
export { CallError, asCallError, codeForStatus } from './call-error';
export type { CallErrorCode } from './call-error';
export type { CallEvent, Priority } from './call-spec';
export { SystemResourceSampler } from './resource-sampler';
export type { ResourceSource } from './resource-sampler';
export type { EndpointPolicy } from './endpoint-record';
export type { EndpointSource, EndpointTarget } from './endpoint-router';
export { endpointTargets } from './endpoint-targets';
export { Scheduler } from './scheduler';
export type { SchedulerOptions } from './scheduler';
