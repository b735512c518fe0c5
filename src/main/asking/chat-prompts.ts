/**
 * What an LLM is told when it speaks as a persona. The system prompt makes it the persona: first
 * person, in character, its profile (as JSON) and the run's brief as the ground truth it must never
 * contradict (age, place, household, work, income named). The conversation so far follows as user
 * and assistant turns, then the question. A concept test asks for a JSON verdict whose shape is
 * given both in words and as a JSON Schema (for the APIs that constrain output to one).
 */
import { z } from 'zod';
import { PROFILE_FIELDS } from '../../shared/conversations';
import type { Brief, Persona } from '../../shared/persona';
import type { ChatMessage, ChatRequest } from '../providers';

export interface Exchange {
  question: string;
  answer: string;
}

/** The persona as the model reads it: the profile without the app's provenance. */
export function profileOf(persona: Persona): Record<string, unknown> {
  const { meta: _meta, id: _id, ...profile } = persona;
  return profile;
}

export function personaSystemPrompt(persona: Persona, brief: Brief): string {
  const where = [persona.location.city, persona.location.country].filter(Boolean).join(', ');
  const briefLines = [
    `The workshop's brief: ${brief.description}`,
    brief.segment ? `Segment: ${brief.segment}` : '',
    brief.location ? `Where: ${brief.location}` : '',
  ].filter(Boolean);
  return [
    `You are ${persona.name}, one of the personas of a product workshop. Speak only as ${persona.name}: answer in the first person ("I"), in character, in your own voice, in two to five sentences, in the language the question is asked in.`,
    `Your profile below is the truth about you. Never contradict it: not your age (${persona.age}), where you live (${where}), your household, your work (${persona.occupation}) or your income${persona.incomeBracket ? ` (${persona.incomeBracket})` : ''}. Draw on your goals, pain points, values, habits and tastes as the profile gives them. Where it says nothing, answer as this person plausibly would, without inventing facts that would change who you are.`,
    'Do not say that you are an AI, a model or a persona, do not step out of character, and do not use lists or headings.',
    '',
    ...briefLines,
    '',
    'Your profile (JSON):',
    JSON.stringify(profileOf(persona)),
  ].join('\n');
}

/** The conversation so far as chat turns, then the new question. */
export function conversation(history: readonly Exchange[], question: string): ChatMessage[] {
  return [...history.flatMap((turn): ChatMessage[] => [{ role: 'user', content: turn.question }, ...(turn.answer.trim() ? [{ role: 'assistant' as const, content: turn.answer }] : [])]), { role: 'user', content: question }];
}

export function answerRequest(persona: Persona, brief: Brief, question: string, history: readonly Exchange[], seed: number): ChatRequest {
  return { system: personaSystemPrompt(persona, brief), messages: conversation(history, question), seed };
}

const reasonShape = z.object({ text: z.string(), field: z.enum(PROFILE_FIELDS) });
/** The verdict a model is asked for; what comes back is read leniently (verdict-reading.ts). */
export const modelVerdictSchema = z.object({
  likelihood: z.int().min(1).max(5),
  reasons: z.array(reasonShape),
  objections: z.array(reasonShape),
  changeMind: z.string(),
});

let verdictJsonSchema: Record<string, unknown> | undefined;

export function verdictSchema(): Record<string, unknown> {
  if (!verdictJsonSchema) {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(modelVerdictSchema) as Record<string, unknown>;
    verdictJsonSchema = schema;
  }
  return verdictJsonSchema;
}

export function verdictQuestion(concept: { text: string; price?: string | undefined }): string {
  return [
    `Here is a concept: "${concept.text}"${concept.price ? ` at ${concept.price}` : ''}.`,
    'How likely are you to buy or use it, from 1 (I would not) to 5 (I certainly would)? Answer as yourself, honestly, with JSON only, no prose and no code fences:',
    '{"likelihood": 1-5, "reasons": [{"text": "…", "field": "…"}], "objections": [{"text": "…", "field": "…"}], "changeMind": "…"}',
    `Each reason (why you would) and objection (why you would not) is a sentence in the first person, and "field" names the part of your profile it comes from, one of: ${PROFILE_FIELDS.join(', ')}. "changeMind" says what would change your mind.`,
  ].join('\n');
}

export function verdictRequest(persona: Persona, brief: Brief, concept: { text: string; price?: string | undefined }, seed: number): ChatRequest {
  return { system: personaSystemPrompt(persona, brief), messages: [{ role: 'user', content: verdictQuestion(concept) }], seed, schema: verdictSchema() };
}
