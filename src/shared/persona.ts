/**
 * The persona document, in zod, accepting exactly what contracts/persona.schema.json
 * accepts at each level. Objects are loose because the JSON Schema allows extra properties;
 * string bounds count code points, as JSON Schema does (zod's .min/.max count UTF-16 units).
 */
import { z } from 'zod';
import { COMPANY_SIZES, DECISION_POWERS, INCOME_BRACKETS, ISSUE_TYPES, LEVELS, MAX_LIST_ITEMS, MAX_PERSONAS, type Level } from './vocabulary';

export * from './vocabulary';

/** Length in code points, the unit JSON Schema's minLength/maxLength use. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function boundedString(min: number, max: number) {
  return z.string().refine(
    (s) => {
      // A string has between length/2 and length code points: most need no counting.
      if (s.length <= max && s.length >= 2 * min) return true;
      const n = codePointLength(s);
      return n >= min && n <= max;
    },
    { message: min > 0 ? `must be ${min} to ${max} characters` : `must be at most ${max} characters` },
  );
}

const text = boundedString(1, 2000);
const listItems = z.array(boundedString(1, 300)).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} items`);
const list = listItems;
const nonEmptyList = listItems.min(1, 'needs at least one item');

export const briefSchema = z.looseObject({
  description: boundedString(10, 4000),
  segment: boundedString(0, 300).optional(),
  location: boundedString(0, 200).optional(),
  ageRange: z.tuple([z.int(), z.int()]).optional(),
  count: z.int().min(1).max(MAX_PERSONAS),
  level: z.enum(LEVELS),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"').optional(),
  seed: z.int().optional(),
});

export const locationSchema = z.looseObject({
  city: boundedString(1, 120),
  region: boundedString(0, 120).optional(),
  country: boundedString(1, 120),
});

export const culturalProfileSchema = z.looseObject({
  music: list,
  movies: list,
  tv: list,
  books: list,
  brands: list,
  food: list,
  podcasts: list,
  destinations: list,
});

export const b2bSchema = z.looseObject({
  role: text,
  industry: text,
  companySize: z.enum(COMPANY_SIZES),
  decisionPower: z.enum(DECISION_POWERS),
  buyingCriteria: nonEmptyList,
  objections: list.optional(),
});

/** RFC 3339 date-time, checked as ajv-formats checks JSON Schema's "date-time" (real dates, offset required). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[t\s](\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(?:z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

export function isRfc3339DateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const sign = m[7] === '-' ? -1 : 1;
  const offH = Number(m[8] ?? 0);
  const offM = Number(m[9] ?? 0);
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days || offH > 23 || offM > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second is valid only at 23:59:60 UTC.
  const utcMin = minute - offM * sign;
  const utcHour = hour - offH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMin === 59 || utcMin === -1) && second < 61;
}

const dateTime = z.string().refine(isRfc3339DateTime, 'must be an RFC 3339 date-time such as 2026-11-21T09:12:44Z');

export const metaSchema = z.looseObject({
  source: z.string().optional(),
  qualityScore: z.number().min(0).max(100).optional(),
  /** Why the persona scored what it did for its fit to the brief, in words (an extension the contract allows). */
  qualityReasons: z.array(z.string()).optional(),
  repaired: z.array(z.string()).optional(),
  filled: z.array(z.string()).optional(),
  /** "archetype" when the name is a role title ("The Busy Founder") because the source gave no personal name. */
  nameKind: z.enum(['person', 'archetype']).optional(),
  generatedAt: dateTime.optional(),
});

export const personaSimpleSchema = z.looseObject({
  id: z.string().optional(),
  name: boundedString(1, 80),
  age: z.int().min(16).max(99),
  gender: boundedString(0, 40).optional(),
  location: locationSchema,
  occupation: boundedString(1, 120),
  incomeBracket: z.enum(INCOME_BRACKETS).optional(),
  education: boundedString(0, 120).optional(),
  bio: text,
  quote: boundedString(1, 400).optional(),
  goals: nonEmptyList,
  painPoints: nonEmptyList,
  values: list.optional(),
  interests: nonEmptyList,
  channels: list.optional(),
  culturalProfile: culturalProfileSchema.optional(),
  b2b: b2bSchema.optional(),
  meta: metaSchema.optional(),
});

export const personaStandardSchema = personaSimpleSchema.extend({
  quote: boundedString(1, 400),
  values: list,
  channels: list,
  culturalProfile: culturalProfileSchema,
});

export const personaB2bSchema = personaStandardSchema.extend({ b2b: b2bSchema });

export const PERSONA_SCHEMAS = {
  simple: personaSimpleSchema,
  standard: personaStandardSchema,
  b2b: personaB2bSchema,
} as const satisfies Record<Level, z.ZodType>;

export const reportIssueSchema = z.looseObject({
  type: z.enum(ISSUE_TYPES),
  path: z.string().optional(),
  fixed: z.boolean(),
  how: z.string().optional(),
});

export const reportSchema = z.looseObject({
  valid: z.boolean(),
  score: z.number().min(0).max(100),
  issues: z.array(reportIssueSchema),
});

function documentSchemaWith<P extends z.ZodType>(persona: P) {
  return z.looseObject({
    schemaVersion: z.literal(1),
    level: z.enum(LEVELS).optional(),
    brief: briefSchema.optional(),
    personas: z.array(persona).min(1).max(MAX_PERSONAS),
    report: reportSchema.optional(),
  });
}

/** The document as the JSON Schema's root accepts it (personas at least 'simple'). */
export const personaDocumentSchema = documentSchemaWith(personaSimpleSchema);

export const DOCUMENT_SCHEMAS = {
  simple: personaDocumentSchema,
  standard: documentSchemaWith(personaStandardSchema),
  b2b: documentSchemaWith(personaB2bSchema),
} as const satisfies Record<Level, z.ZodType>;

export type Brief = z.infer<typeof briefSchema>;
export type PersonaLocation = z.infer<typeof locationSchema>;
export type CulturalProfile = z.infer<typeof culturalProfileSchema>;
export type B2bProfile = z.infer<typeof b2bSchema>;
export type PersonaMeta = z.infer<typeof metaSchema>;
export type Persona = z.infer<typeof personaSimpleSchema>;
export type ReportIssue = z.infer<typeof reportIssueSchema>;
export type ValidationReport = z.infer<typeof reportSchema>;
export type PersonaDocument = z.infer<typeof personaDocumentSchema>;
export type IncomeBracket = (typeof INCOME_BRACKETS)[number];
export type CompanySize = (typeof COMPANY_SIZES)[number];
export type DecisionPower = (typeof DECISION_POWERS)[number];
