/** The contract's channels for the team cache (L3 on Redis): the settings screen's connection test. */
import { z } from 'zod';
import type { ChannelTable } from './contract-parts';

export const teamCacheTestResultSchema = z.object({
  reachable: z.boolean(),
  /** What was found or what is wrong, in a sentence for the settings screen (never the password). */
  message: z.string(),
  latencyMs: z.number().min(0).nullable(),
  /** Redis's version, when it answered. */
  version: z.string().nullable(),
});
export type TeamCacheTestResult = z.output<typeof teamCacheTestResultSchema>;

export const teamChannels = {
  'team-cache:test': {
    // An unsaved URL tests what the user is typing, with the saved TLS, user and password.
    request: z.strictObject({ url: z.string().trim().max(2000).refine((u) => /^rediss?:\/\/\S+$/.test(u) && URL.canParse(u), 'must be a URL such as redis://cache.example:6379 or rediss://…').optional() }),
    response: teamCacheTestResultSchema,
  },
} as const satisfies ChannelTable;
