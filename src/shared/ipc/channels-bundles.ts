/** The contract's channels for workshop bundles: a workshop as one file, and back. */
import { z } from 'zod';
import { BUNDLE_TABLES } from '../bundle';
import { id, type ChannelTable } from './contract-parts';

/** 64 MB of base64: far above a real workshop, low enough that one request cannot swamp the main process. */
const MAX_BUNDLE_BASE64 = 64 * 1_048_576;

export const bundleChannels = {
  'bundles:export': {
    request: z.strictObject({ workshopId: id }),
    response: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  'bundles:import': {
    // Remap gives every row a new id: a copy beside the workshop rather than the workshop itself.
    request: z.strictObject({
      base64: z.base64('must be the bundle file in base64').min(1, 'must not be empty').max(MAX_BUNDLE_BASE64, 'is larger than any workshop bundle'),
      remap: z.boolean().default(false),
    }),
    response: z.object({
      workshopId: z.string(),
      workshopName: z.string(),
      alreadyImported: z.boolean(),
      remapped: z.boolean(),
      counts: z.object(Object.fromEntries(BUNDLE_TABLES.map((t) => [t, z.int().min(0)])) as Record<(typeof BUNDLE_TABLES)[number], z.ZodInt>),
    }),
  },
} as const satisfies ChannelTable;
