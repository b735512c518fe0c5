/**
 * One persona's verdict on a concept. The built-in engine scores it by explicit rules (overlap of
 * the concept with the persona's goals, pain points and values; the price against its income
 * bracket) and shows the rules with the score. An LLM is asked, as the persona, for a JSON verdict
 * (chat-prompts.ts), read leniently (verdict-reading.ts) and cached like an answer; when it gives
 * none that can be read, the built-in rules score it instead and the verdict says so.
 */
import type { ConceptVerdict } from '../../shared/conversations';
import type { ChatProvider } from '../providers';
import { answerKey, NoAnswer, seedFor, streamFrom, type Asked, type Engine, type EngineDeps } from './answer-engine';
import { verdictRequest } from './chat-prompts';
import { judgeConcept } from './offline';
import { readModelVerdict, type ModelVerdict } from './verdict-reading';
import { z } from 'zod';

export interface Concept {
  text: string;
  price?: string | undefined;
}

export interface VerdictInput extends Asked {
  concept: Concept;
  signal: AbortSignal;
}

export interface Judged {
  verdict: ConceptVerdict;
  cacheKey: string | null;
}

const cachedVerdictSchema = z.object({ model: z.string(), verdict: z.unknown() });

export async function judgeOne(engine: Engine, input: VerdictInput, deps: EngineDeps): Promise<Judged> {
  if (input.signal.aborted) throw new NoAnswer(true, 'Cancelled before the verdict began.');
  if (engine.kind === 'offline') return { verdict: judgeOffline(input), cacheKey: null };
  return judgeWithModel(engine.provider, input, deps);
}

function judgeOffline(input: VerdictInput, note?: string): ConceptVerdict {
  const judged = judgeConcept(input.concept, input.persona, input.brief, conceptSeed(input));
  return {
    personaId: input.persona.id,
    personaName: input.persona.name,
    likelihood: judged.likelihood,
    reasons: [...judged.reasons],
    objections: [...judged.objections],
    changeMind: judged.changeMind,
    rules: [...(note ? [note] : []), ...judged.rules],
    source: { engine: 'offline', model: null },
  };
}

async function judgeWithModel(provider: ChatProvider, input: VerdictInput, deps: EngineDeps): Promise<Judged> {
  const seed = conceptSeed(input);
  const model = provider.chatModel();
  const key = answerKey(deps.version, input, { purpose: 'concept', concept: input.concept.text, price: input.concept.price, engine: provider.id, model, seed });
  const hit = deps.cache.getSync(key, { parse: (value) => cachedVerdictSchema.safeParse(value).data, record: true });
  const cached = hit ? readModelVerdict(JSON.stringify(hit.verdict)) : undefined;
  if (hit && cached && 'verdict' in cached) return { verdict: fromModel(input, cached.verdict, provider.id, hit.model), cacheKey: key.key };
  let problem: string;
  try {
    const streamed = await streamFrom(provider, verdictRequest(input.persona, input.brief, input.concept, seed), { signal: input.signal }, deps);
    if (input.signal.aborted) throw new NoAnswer(true, 'Cancelled while the verdicts were being written.');
    const read = streamed.cut === null ? readModelVerdict(streamed.text) : { problem: streamed.cut.replace(/\.$/, '') };
    if ('verdict' in read) {
      deps.cache.set(key, { model: streamed.model, verdict: read.verdict });
      return { verdict: fromModel(input, read.verdict, provider.id, streamed.model), cacheKey: key.key };
    }
    problem = read.problem;
  } catch (error) {
    if (!(error instanceof NoAnswer) || error.cancelled) throw error;
    problem = error.message;
  }
  return { verdict: judgeOffline(input, `${provider.label} gave no verdict that could be used (${problem}); this one comes from the built-in rules below.`), cacheKey: null };
}

function fromModel(input: VerdictInput, verdict: ModelVerdict, engine: string, model: string): ConceptVerdict {
  return { personaId: input.persona.id, personaName: input.persona.name, ...verdict, rules: [], source: { engine, model } };
}

function conceptSeed(input: VerdictInput): number {
  return seedFor(input.runSeed, input.persona.id, `concept: ${input.concept.text} ${input.concept.price ?? ''}`);
}
