/**
 * Asking the personas: interviews (a conversation with one persona), focus groups (one question to
 * several) and concept tests (who would buy, and why). The shapes the main side stores, streams
 * and exports and the renderer shows, defined once (the IPC contract composes them).
 */
import { z } from 'zod';
import { MAX_CONCEPT_LENGTH, MAX_QUESTION_LENGTH } from './vocabulary';


export const questionSchema = z.string().trim().min(1, 'must not be empty: type a question').max(MAX_QUESTION_LENGTH, `must be at most ${MAX_QUESTION_LENGTH} characters`);

/** The profile fields an answer or a reason can stand on. */
export const PROFILE_FIELDS = ['goals', 'painPoints', 'values', 'interests', 'channels', 'incomeBracket', 'occupation', 'location', 'age', 'household', 'culturalProfile', 'bio', 'quote', 'b2b', 'brief'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Who wrote an answer: the engine's id and, for an LLM, the model; `offline` answers are drawn from the profile only. */
export const answerSourceSchema = z.object({ engine: z.string(), model: z.string().nullable() });

export const answerSchema = z.object({
  text: z.string(),
  /** The answer stopped before its end (a failure or a cancel mid-stream): what arrived is kept. */
  cut: z.boolean(),
  /** Why it was cut, in words, when it was. */
  cutReason: z.string().nullable(),
  /** Profile fields the answer stands on (the built-in engine says which; an LLM's are not known). */
  grounding: z.array(z.enum(PROFILE_FIELDS)),
  source: answerSourceSchema,
  /** Milliseconds to the first token and to the whole answer. */
  firstTokenMs: z.number().min(0).nullable(),
  totalMs: z.number().min(0),
  fromCache: z.boolean(),
});
export type Answer = z.output<typeof answerSchema>;

export const interviewTurnSchema = z.object({
  id: z.string(),
  question: z.string(),
  askedAt: z.string(),
  answer: answerSchema,
});
export type InterviewTurn = z.output<typeof interviewTurnSchema>;

export const interviewSummarySchema = z.object({
  id: z.string(),
  runId: z.string(),
  personaId: z.string(),
  personaName: z.string(),
  title: z.string(),
  turns: z.int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const interviewSchema = interviewSummarySchema.extend({ history: z.array(interviewTurnSchema) });
export type InterviewSummary = z.output<typeof interviewSummarySchema>;
export type Interview = z.output<typeof interviewSchema>;

export const quoteSchema = z.object({ personaId: z.string(), personaName: z.string(), text: z.string() });

export const focusGroupSchema = z.object({
  id: z.string(),
  runId: z.string(),
  question: z.string(),
  askedAt: z.string(),
  answers: z.array(z.object({ personaId: z.string(), personaName: z.string(), answer: answerSchema })),
  /** Themes across the answers, each with who raised it and a quote; who agrees and who objects. */
  summary: z.object({
    themes: z.array(z.object({ label: z.string(), personaIds: z.array(z.string()), quotes: z.array(quoteSchema) })),
    agree: z.array(z.string()),
    object: z.array(z.string()),
    /** How the summary was made: from the answers' own words (built-in) or written by the model. */
    method: z.enum(['grouped', 'model']),
  }),
});
export type FocusGroup = z.output<typeof focusGroupSchema>;

/** A lone UTF-16 surrogate is stored by SQLite as three U+FFFD: made one U+FFFD first, so the length checked is the length kept. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (s: string) => s.replace(LONE_SURROGATE, '\ufffd');

export const conceptInputSchema = z.strictObject({
  text: z.string().overwrite(wellFormed).trim().min(1, 'must not be empty: describe the concept').max(MAX_CONCEPT_LENGTH, `must be at most ${MAX_CONCEPT_LENGTH} characters`),
  price: z.string().overwrite(wellFormed).trim().max(120, 'must be at most 120 characters').optional(),
});

export const reasonSchema = z.object({ text: z.string(), field: z.enum(PROFILE_FIELDS) });

export const conceptVerdictSchema = z.object({
  personaId: z.string(),
  personaName: z.string(),
  /** 1 = would not buy, 5 = would certainly buy. */
  likelihood: z.int().min(1).max(5),
  reasons: z.array(reasonSchema),
  objections: z.array(reasonSchema),
  changeMind: z.string(),
  /** The built-in engine's rules that set the score, in words; empty for an LLM's verdict. */
  rules: z.array(z.string()),
  source: answerSourceSchema,
});

export const conceptTestSchema = z.object({
  id: z.string(),
  runId: z.string(),
  concept: conceptInputSchema,
  testedAt: z.string(),
  verdicts: z.array(conceptVerdictSchema),
  summary: z.object({
    /** How many personas gave each likelihood, 1 to 5. */
    distribution: z.array(z.int().min(0)).length(5),
    mean: z.number(),
    topReasons: z.array(z.object({ text: z.string(), count: z.int().min(1) })),
    topObjections: z.array(z.object({ text: z.string(), count: z.int().min(1) })),
    /** Groups whose mean likelihood differs from the set's: by age band, location and income. */
    segments: z.array(z.object({ by: z.enum(['age', 'location', 'income']), label: z.string(), mean: z.number(), personas: z.int().min(1) })),
  }),
});
export type ConceptVerdict = z.output<typeof conceptVerdictSchema>;
export type ConceptTest = z.output<typeof conceptTestSchema>;

/** A token of an answer as it streams: `key` names the answer (a persona within a focus group). */
export const answerTokenSchema = z.object({ requestId: z.string(), personaId: z.string(), text: z.string() });
export type AnswerToken = z.output<typeof answerTokenSchema>;
