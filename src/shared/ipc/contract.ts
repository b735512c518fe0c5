/**
 * The IPC contract: every channel with its request and response schemas, every event with its
 * payload schema. The main binding, the preload bridge and the renderer client are typed from
 * this table, and the binding parses each request with it before any handler runs. The channels
 * are written in a few tables by domain and joined here into the one table.
 */
import { z } from 'zod';
import { liveMetricsSchema } from '../metrics';
import { progressSchema } from '../workshop';
import { answerTokenSchema } from '../conversations';
import { askingChannels } from './channels-asking';
import { bundleChannels } from './channels-bundles';
import { importChannels } from './channels-import';
import { insightChannels } from './channels-insight';
import { systemChannels } from './channels-system';
import { teamChannels } from './channels-team';
import { workChannels } from './channels-work';

export { PROVIDER_IDS } from '../vocabulary';

export const contract = { ...workChannels, ...askingChannels, ...bundleChannels, ...importChannels, ...systemChannels, ...insightChannels, ...teamChannels } as const;


export const events = {
  'generation:progress': progressSchema,
  /** The monitor's live view, at most 4 times a second while something changes. */
  'monitor:live': liveMetricsSchema,
  /** A piece of an answer as the engine writes it, for the request that asked. */
  'answer:token': answerTokenSchema,
} as const satisfies Record<string, z.ZodType>;

export const IPC_ERROR_CODES = [
  'invalid_request',
  'unknown_channel',
  'forbidden',
  'not_found',
  'cancelled',
  'generation_failed',
  'internal',
] as const;

export const ipcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});
