/**
 * The scheduler's status in the IPC contract's shape (SchedulerStatus): the limit and its recent
 * changes, the queue, the last resource sample, and per provider its breaker, counts and latencies.
 */
import { schedulerStatusSchema, type SchedulerStatus } from '../../shared/performance';
import type { AdaptiveLimit } from './adaptive-limit';
import type { AttemptQueue } from './attempt-queue';
import type { EndpointRouter } from './endpoint-router';
import type { LatencyTracker } from './latency-tracker';
import type { ProviderBreakers } from './provider-breakers';
import type { ResourceSource } from './resource-sampler';

export interface StatusSources {
  limit: AdaptiveLimit;
  attempts: AttemptQueue;
  resources: ResourceSource | null;
  breakers: ProviderBreakers;
  latency: LatencyTracker;
  endpoints: EndpointRouter;
}

export function schedulerStatus({ limit, attempts, resources, breakers, latency, endpoints }: StatusSources): SchedulerStatus {
  return {
    limit: limit.value,
    running: attempts.running,
    queued: attempts.queued,
    resources: resources?.latest() ?? null,
    providers: [...breakers.all()].map(([provider, record]) => ({
      provider,
      breaker: breakers.state(provider),
      calls: record.calls,
      failures: record.failures,
      retries: record.retries,
      latency: Object.fromEntries(
        CALL_KINDS.flatMap((kind) => {
          const summary = latency.summary(provider, kind);
          return summary ? [[kind, summary]] : [];
        }),
      ),
      endpoints: endpoints.status(provider),
    })),
    recentLimitChanges: limit.changes().slice(-20),
  };
}

/** The kinds the contract has a latency summary for, read from its schema so the two cannot drift. */
const CALL_KINDS = schedulerStatusSchema.shape.providers.element.shape.latency.keyof().options;
