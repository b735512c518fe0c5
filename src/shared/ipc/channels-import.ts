/** The contract's channels for importing personas written elsewhere: preview what a source holds, then save the chosen ones as a run. */
import { z } from 'zod';
import { IMPORT_FORMATS, importPreviewSchema, importSourceSchema } from '../importing';
import { LEVELS, MAX_PERSONAS } from '../persona';
import { runSummarySchema, runTitleSchema } from '../workshop';
import { id, type ChannelTable } from './contract-parts';
import { plainJsonObject } from './plain-data';

/** A description to score the imported personas against, like a brief's. */
const description = z.string().trim().max(2000, 'must be at most 2000 characters');

export const importChannels = {
  'import:preview': {
    request: z.strictObject({ source: importSourceSchema, level: z.enum(LEVELS).default('standard'), description: description.optional() }),
    response: importPreviewSchema,
  },
  'import:commit': {
    // Each persona is checked at the level by the handler (and refused with its number and field); here only that it is plain JSON data.
    request: z.strictObject({
      personas: z.array(plainJsonObject()).min(1, 'must hold at least one persona').max(MAX_PERSONAS, `must hold at most ${MAX_PERSONAS} personas`),
      level: z.enum(LEVELS),
      workshopId: id.optional(),
      title: runTitleSchema.optional(),
      description: description.optional(),
      sourceName: z.string().min(1).max(255),
      format: z.enum(IMPORT_FORMATS),
    }),
    response: z.object({ run: runSummarySchema }),
  },
} as const satisfies ChannelTable;
