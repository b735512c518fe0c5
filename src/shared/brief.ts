/**
 * What a caller may ask the app to generate: stricter than the document's brief (which records
 * what was asked), because here a bad value must be refused with the field and the accepted values.
 */
import { z } from 'zod';
import { LEVELS, MAX_PERSONAS, codePointLength } from './persona';

export const AGE_MIN = 16;
export const AGE_MAX = 99;

export const briefInputSchema = z
  .strictObject({
    description: z
      .string({ error: 'is required: describe the product and audience in at least 10 characters' })
      .trim()
      .refine((s) => codePointLength(s) >= 10, 'is too short: describe the product and audience in at least 10 characters')
      .refine((s) => codePointLength(s) <= 4000, 'is too long: keep it under 4000 characters'),
    count: z
      .int({ error: `must be a whole number from 1 to ${MAX_PERSONAS}` })
      .min(1, `must be a whole number from 1 to ${MAX_PERSONAS}`)
      .max(MAX_PERSONAS, `must be a whole number from 1 to ${MAX_PERSONAS}`),
    level: z.enum(LEVELS, { error: `must be one of ${LEVELS.join(', ')}` }),
    location: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    segment: z.string().trim().max(300, 'must be at most 300 characters').optional(),
    ageRange: z
      .tuple([z.int(), z.int()], { error: `must be two whole ages from ${AGE_MIN} to ${AGE_MAX}, e.g. 25-40` })
      .refine(
        ([lo, hi]) => lo >= AGE_MIN && hi <= AGE_MAX && lo <= hi,
        `must be two whole ages from ${AGE_MIN} to ${AGE_MAX}, lowest first, e.g. 25-40`,
      )
      .optional(),
    language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"').optional(),
    seed: z
      .int({ error: 'must be a whole number from 0 to 4294967295' })
      .min(0, 'must be a whole number from 0 to 4294967295')
      .max(0xffffffff, 'must be a whole number from 0 to 4294967295')
      .optional(),
  })
  .transform((brief) => ({
    ...brief,
    location: brief.location === '' ? undefined : brief.location,
    segment: brief.segment === '' ? undefined : brief.segment,
  }));

export type BriefInput = z.input<typeof briefInputSchema>;
export type ParsedBrief = z.output<typeof briefInputSchema>;

/** A brief after the pipeline settled its seed: what is recorded and what the engine reads. */
export type ResolvedBrief = ParsedBrief & { seed: number; language: string };

/** What the app understood a brief to ask for, shown beside it so the user can correct it. */
export const briefUnderstandingSchema = z.object({
  /** Where the personas live: "Kuala Lumpur and nearby, Malaysia", "Bavaria, Germany", "anywhere". */
  place: z.string(),
  /** A place the brief names that the world data does not know, with the nearest known spellings. */
  unknownPlace: z.object({ text: z.string(), suggestions: z.array(z.string()) }).nullable(),
  /** Where they come from when it is not where they live: "Syria". */
  origin: z.string().nullable(),
  /** The audience and what that implies: "First-time parents: expecting or caring for a first baby". */
  audience: z.string(),
  ages: z.tuple([z.int(), z.int()]),
  /** Why the ages differ from those the brief states ("starts below 16, the youngest a persona can be: 16–19"); null when they do not. */
  agesNote: z.string().nullable(),
  /** The offer in a few words, and the domain it was read as. */
  product: z.string(),
  domain: z.string(),
  b2b: z.object({ functions: z.array(z.string()), industries: z.array(z.string()), companySizes: z.array(z.string()) }).nullable(),
});
export type BriefUnderstanding = z.infer<typeof briefUnderstandingSchema>;
