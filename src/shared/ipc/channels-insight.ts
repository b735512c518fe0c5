/** The contract's channels for performance the user can see and steer (issue 23): engine profiles, anomalies, optimizations, tuned settings, suggestions applied, the performance report. */
import { z } from 'zod';
import { TUNABLES } from '../metrics';
import { anomalySchema, efficiencySchema, engineProfileSchema, optimizationSchema, timeWindowSchema, tunedValueSchema } from '../insight';
import { settingsViewSchema } from '../settings';
import { DAY_MS, id, MAX_RANGE_MS, type ChannelTable } from './contract-parts';

const range = (defaultMs: number) => z.int().min(60_000, 'must be at least a minute').max(MAX_RANGE_MS, 'must be at most 365 days').default(defaultMs);

export const insightChannels = {
  'performance:engines': {
    request: z.strictObject({ rangeMs: range(DAY_MS) }),
    response: z.object({ engines: z.array(engineProfileSchema) }),
  },
  'performance:efficiency': {
    request: z.strictObject({ rangeMs: range(DAY_MS) }),
    response: efficiencySchema,
  },
  'anomalies:list': {
    request: z.strictObject({ rangeMs: range(7 * DAY_MS) }),
    response: z.object({ anomalies: z.array(anomalySchema) }),
  },
  'optimization:start': {
    request: z.strictObject({}),
    response: optimizationSchema,
  },
  'optimization:schedule': {
    request: z.strictObject({ window: timeWindowSchema }),
    response: optimizationSchema,
  },
  'optimization:cancel': {
    request: z.strictObject({ id }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'optimization:list': {
    request: z.strictObject({ limit: z.int().min(1).max(500).default(50) }),
    response: z.object({ optimizations: z.array(optimizationSchema) }),
  },
  'tuning:kept': {
    request: z.strictObject({}),
    response: z.object({ tuned: z.array(tunedValueSchema) }),
  },
  'tuning:reset': {
    // No tunable resets them all.
    request: z.strictObject({ tunable: z.enum(TUNABLES).optional() }),
    response: z.object({ tuned: z.array(tunedValueSchema) }),
  },
  'suggestions:apply': {
    request: z.strictObject({ id: z.string().min(1).max(200) }),
    response: z.object({ applied: z.string(), settings: settingsViewSchema }),
  },
  'reports:performance': {
    request: z.strictObject({
      requestId: z.uuid('must be a UUID that names this export, so it can be cancelled'),
      rangeMs: range(7 * DAY_MS),
      format: z.enum(['pdf', 'md']),
    }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
} as const satisfies ChannelTable;
