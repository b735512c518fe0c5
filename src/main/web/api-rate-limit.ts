/**
 * Token buckets per route and client. Written here rather than taken from a library: the ones in
 * wide use (express-rate-limit, rate-limiter-flexible) are Express middleware or bring stores for
 * Redis and clusters that one local server does not need, and a bucket is twenty lines.
 */
import type { RateLimit } from './api-routes';

interface Bucket {
  tokens: number;
  at: number;
  limit: RateLimit;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterS: number };

/** Past this many buckets the full ones are dropped: a full bucket is what a new one would be. */
const MAX_BUCKETS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes one token from the bucket of `key`, or says how many whole seconds until one is back. */
  take(key: string, limit: RateLimit): Admission {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now, limit };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) this.remember(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    // Retry-After is whole seconds; rounding up (and at least 1) never invites a retry that fails again.
    return { allowed: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
  }

  private remember(key: string, bucket: Bucket): void {
    if (this.buckets.size >= MAX_BUCKETS) {
      const now = this.now();
      for (const [other, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * b.limit.perSecond >= b.limit.burst) this.buckets.delete(other);
    }
    this.buckets.set(key, bucket);
  }
}
