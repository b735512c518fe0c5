/**
 * The four paragraphs written by the LLM that generated the run, over the grouped facts: one chat
 * through the scheduler (asking's streamFrom, high priority, the provider applies its API's JSON
 * output rules to the schema), read as JSON with zod (jsonrepair for a damaged object). What comes
 * back is prose only; the facts stay the grouped ones. Any failure is reported, never thrown, so
 * the caller can fall back to the composed prose and say why.
 */
import { jsonrepair } from 'jsonrepair';
import { z } from 'zod';
import type { Brief } from '../../shared/persona';
import type { SetSummary } from '../../shared/summary';
import { streamFrom } from '../asking';
import type { ChatProvider, ChatRequest } from '../providers';
import type { Scheduler } from '../scheduler';
import { placeOf } from './segments';
import type { SetPersona, ThemeGroup } from './themes';

const paragraph = z.string().trim().min(20).max(2000);
const modelProseSchema = z.object({ who: paragraph, shared: paragraph, differ: paragraph, suggests: paragraph });

let proseJsonSchema: Record<string, unknown> | undefined;
function proseSchema(): Record<string, unknown> {
  if (!proseJsonSchema) {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(z.object({ who: z.string(), shared: z.string(), differ: z.string(), suggests: z.string() })) as Record<string, unknown>;
    proseJsonSchema = schema;
  }
  return proseJsonSchema;
}

/** The personas as the model reads them: who they are and the lines the facts come from, nothing of the app's provenance. */
function compactPersona(p: SetPersona): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    age: p.age,
    place: placeOf(p),
    occupation: p.occupation,
    ...(p.incomeBracket ? { income: p.incomeBracket } : {}),
    bio: p.bio,
    goals: p.goals,
    painPoints: p.painPoints,
    ...(p.values?.length ? { values: p.values } : {}),
    ...(p.channels?.length ? { channels: p.channels } : {}),
    ...(p.b2b ? { b2b: { role: p.b2b.role, companySize: p.b2b.companySize, decisionPower: p.b2b.decisionPower } } : {}),
  };
}

export function proseRequest(facts: SetSummary, groups: readonly ThemeGroup[], personas: readonly SetPersona[], brief: Brief): ChatRequest {
  const groupedFacts = {
    personaCount: facts.personaCount,
    segments: facts.segments.map((s) => ({ by: s.label, groups: s.groups.map((g) => ({ label: g.label, count: g.personaIds.length })) })),
    themes: groups.map((g) => ({ label: g.label, kind: g.kind, count: g.personaIds.length, lines: g.lines.map((l) => l.text) })),
    differences: facts.differences.map((d) => d.detail),
    implications: facts.implications,
  };
  const system = [
    'You are a senior research consultant writing the executive summary of a set of personas for a product workshop.',
    'Write four short paragraphs in plain English, like a good consultant: who they are, what they share, where they differ, and what it suggests for the product.',
    'Use only the facts and personas given. Every number you write must be one the facts hold (counts as "4 of 5"). Do not invent people, quotes, figures or needs. Quote a persona only word for word from its goals or pain points. No lists, no headings, no markdown.',
    'Answer with JSON only, no prose around it and no code fences: {"who": "…", "shared": "…", "differ": "…", "suggests": "…"}',
  ].join('\n');
  const user = [`The brief: ${brief.description}`, '', 'The grouped facts (JSON):', JSON.stringify(groupedFacts), '', 'The personas (JSON):', JSON.stringify(personas.map(compactPersona))].join('\n');
  return { system, messages: [{ role: 'user', content: user }], seed: 0, schema: proseSchema() };
}

export type ModelProse = { prose: SetSummary['prose']; model: string } | { problem: string; cancelled: boolean };

export async function proseFromModel(provider: ChatProvider, request: ChatRequest, scheduler: Scheduler, signal: AbortSignal): Promise<ModelProse> {
  try {
    const answer = await streamFrom(provider, request, { signal }, { scheduler, timings: undefined });
    if (answer.cut !== null) return { problem: answer.cut.replace(/\.$/, ''), cancelled: signal.aborted };
    const prose = readProse(answer.text);
    return 'prose' in prose ? { prose: prose.prose, model: answer.model } : { problem: prose.problem, cancelled: false };
  } catch (error) {
    return { problem: error instanceof Error ? error.message.replace(/\.$/, '') : String(error), cancelled: signal.aborted };
  }
}

export function readProse(text: string): { prose: SetSummary['prose'] } | { problem: string } {
  const start = text.indexOf('{');
  if (start < 0) return { problem: 'its answer held no JSON object' };
  const end = text.lastIndexOf('}');
  const candidate = end > start ? text.slice(start, end + 1) : text.slice(start);
  let value: unknown;
  for (const attempt of [() => candidate, () => jsonrepair(candidate)]) {
    try {
      value = JSON.parse(attempt()) as unknown;
      break;
    } catch {
      // the repaired text next, if any
    }
  }
  if (value === undefined) return { problem: 'its answer was not JSON that could be read' };
  const parsed = modelProseSchema.safeParse(value);
  if (!parsed.success) return { problem: `its answer lacked a usable "${String(parsed.error.issues[0]?.path[0] ?? 'paragraph')}" paragraph` };
  return { prose: parsed.data };
}

/** A paragraph with a number the facts and personas it was given do not hold is not used: the summary's numbers must be checkable. */
export function checkedNumbers(written: ModelProse, request: ChatRequest): ModelProse {
  if (!('prose' in written)) return written;
  const given = [request.system, ...request.messages.map((m) => m.content)].join('\n');
  for (const [name, text] of Object.entries(written.prose)) {
    const stray = (text.match(/\d+(?:[.,]\d+)?/g) ?? []).find((n) => !given.includes(n));
    if (stray !== undefined) return { problem: `its "${name}" paragraph gives ${stray}, a number the set does not hold`, cancelled: false };
  }
  return written;
}
