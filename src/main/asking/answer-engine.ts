/**
 * One persona's answer to one question, from either engine, through the same path: tokens to
 * `onToken` as they come (the built-in engine's answer in a few pieces, so the window shows both
 * alike), the answer timed (first token, whole answer) for the monitor.
 * - Built-in: composed from the persona's own profile and the brief (./offline), deterministic for
 *   the seed (the run's seed, the persona and the question); never cached, it costs less than a lookup.
 * - LLM: one call through the scheduler at high priority, streamed; cached by persona (its profile
 *   as it is now), brief, question, conversation so far, engine, model and seed, so a repeat is served
 *   without a call. A failure after some text keeps the text, marked cut, and is not retried (the
 *   user has read the start); a failure before any text is retried as usual, then thrown as NoAnswer.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Answer } from '../../shared/conversations';
import type { Brief, Persona } from '../../shared/persona';
import { keyFor, type CacheKey, type TieredCache } from '../cache';
import type { ChatProvider, ChatRequest } from '../providers';
import type { Scheduler } from '../scheduler';
import { answerRequest, profileOf, type Exchange } from './chat-prompts';
import { answerFromProfile } from './offline';

export type Engine = { kind: 'offline' } | { kind: 'model'; provider: ChatProvider };

/** How long an answer took, for the monitor (time to first token and to the whole answer, per engine). */
export interface AnswerTiming {
  engine: string;
  firstTokenMs: number | null;
  totalMs: number;
  cut: boolean;
  fromCache: boolean;
}

export interface AnswerTimings {
  recordAnswer(timing: AnswerTiming): void;
}

export interface EngineDeps {
  scheduler: Scheduler;
  cache: TieredCache;
  timings?: AnswerTimings | undefined;
  /** The app's version, part of every answer key: a new prompt never serves old answers. */
  version: string;
}

/** Who is asked: a persona of a run, with the run's brief and seed. */
export interface Asked {
  persona: Persona & { id: string };
  brief: Brief;
  runSeed: number;
}

export interface AnswerInput extends Asked {
  question: string;
  history: readonly Exchange[];
  /** What the personas before this one said (a focus group): the built-in engine words its answer apart from them. */
  othersAnswers?: readonly string[];
  signal: AbortSignal;
  onToken?: (text: string) => void;
}

export interface Answered {
  answer: Answer;
  /** The answer cache entry it was stored or served under (null for the built-in engine). */
  cacheKey: string | null;
}

/** Nothing arrived: the call failed or was cancelled before the first token. */
export class NoAnswer extends Error {
  override name = 'NoAnswer';
  constructor(
    readonly cancelled: boolean,
    message: string,
  ) {
    super(message);
  }
}

const cachedAnswerSchema = z.object({ text: z.string().min(1), model: z.string() });

export async function answerOne(engine: Engine, input: AnswerInput, deps: EngineDeps): Promise<Answered> {
  if (input.signal.aborted) throw new NoAnswer(true, 'Cancelled before the answer began.');
  return engine.kind === 'offline' ? answerOffline(input, deps) : answerWithModel(engine.provider, input, deps);
}

function answerOffline(input: AnswerInput, deps: EngineDeps): Answered {
  const started = performance.now();
  const composed = answerFromProfile(input.question, {
    persona: input.persona,
    brief: input.brief,
    seed: seedFor(input.runSeed, input.persona.id, input.question),
    history: input.history,
    ...(input.othersAnswers ? { othersAnswers: input.othersAnswers } : {}),
  });
  const firstTokenMs = performance.now() - started;
  for (const piece of pieces(composed.text)) input.onToken?.(piece);
  const totalMs = performance.now() - started;
  deps.timings?.recordAnswer({ engine: 'offline', firstTokenMs, totalMs, cut: false, fromCache: false });
  return { answer: { text: composed.text, cut: false, cutReason: null, grounding: [...composed.grounding], source: { engine: 'offline', model: null }, firstTokenMs, totalMs, fromCache: false }, cacheKey: null };
}

async function answerWithModel(provider: ChatProvider, input: AnswerInput, deps: EngineDeps): Promise<Answered> {
  const seed = seedFor(input.runSeed, input.persona.id, input.question);
  const model = provider.chatModel();
  const key = answerKey(deps.version, input, { purpose: 'answer', question: input.question, history: input.history, engine: provider.id, model, seed });
  const source = { engine: provider.id, model };
  const started = performance.now();
  const hit = await deps.cache.getShared(key, { parse: (value) => cachedAnswerSchema.safeParse(value).data, record: true });
  if (hit) {
    for (const piece of pieces(hit.text)) input.onToken?.(piece);
    const ms = performance.now() - started;
    deps.timings?.recordAnswer({ engine: provider.id, firstTokenMs: ms, totalMs: ms, cut: false, fromCache: true });
    return { answer: { text: hit.text, cut: false, cutReason: null, grounding: [], source: { engine: provider.id, model: hit.model }, firstTokenMs: ms, totalMs: ms, fromCache: true }, cacheKey: key.key };
  }
  const streamed = await streamFrom(provider, answerRequest(input.persona, input.brief, input.question, input.history, seed), input, deps);
  const answer: Answer = { text: streamed.text, cut: streamed.cut !== null, cutReason: streamed.cut, grounding: [], source: { ...source, model: streamed.model }, firstTokenMs: streamed.firstTokenMs, totalMs: streamed.totalMs, fromCache: false };
  // Only a whole answer is worth serving again; a cut one is asked afresh next time.
  if (!answer.cut) deps.cache.set(key, { text: answer.text, model: streamed.model });
  return { answer, cacheKey: answer.cut ? null : key.key };
}

export interface Streamed {
  text: string;
  model: string;
  /** Why it stopped before its end, in words; null for a whole answer. */
  cut: string | null;
  firstTokenMs: number | null;
  totalMs: number;
}

/** One chat through the scheduler, timed; what arrived before a failure is kept (cut), nothing arrived is NoAnswer. */
export async function streamFrom(provider: ChatProvider, request: ChatRequest, input: Pick<AnswerInput, 'signal' | 'onToken'>, deps: Pick<EngineDeps, 'scheduler' | 'timings'>): Promise<Streamed> {
  const started = performance.now();
  let text = '';
  let firstTokenMs: number | null = null;
  let open = true;
  const onToken = (piece: string) => {
    if (!open) return;
    firstTokenMs ??= performance.now() - started;
    text += piece;
    input.onToken?.(piece);
  };
  const finish = (cut: string | null, model: string): Streamed => {
    open = false;
    const totalMs = performance.now() - started;
    deps.timings?.recordAnswer({ engine: provider.id, firstTokenMs, totalMs, cut: cut !== null, fromCache: false });
    return { text, model, cut, firstTokenMs, totalMs };
  };
  try {
    const answer = await deps.scheduler.call({
      provider: provider.id,
      kind: 'ask',
      priority: 'high',
      signal: input.signal,
      // Started over, the answer would run twice in the window: once text has arrived, a failure ends it.
      mayRetry: () => text === '',
      run: (signal, _attempt, baseUrl) => provider.chat(request, { signal, onToken, ...(baseUrl ? { baseUrl } : {}) }),
    });
    text = answer.text;
    return finish(answer.cut ?? null, answer.model);
  } catch (error) {
    const cancelled = input.signal.aborted;
    const why = cancelled ? 'you stopped it' : error instanceof Error ? error.message : String(error);
    if (text.trim() === '') {
      open = false;
      throw new NoAnswer(cancelled, cancelled ? 'Cancelled before the answer began.' : `${provider.label} could not answer: ${why}`);
    }
    return finish(`The answer was cut off: ${why.trim().replace(/[.\s]+$/, '')}.`, provider.chatModel());
  }
}

/** The answer cache key: the persona as it is now (its profile's digest) and the brief's, with what the call depends on. */
export function answerKey(version: string, asked: Pick<Asked, 'persona' | 'brief'>, params: Record<string, unknown>): CacheKey {
  return keyFor('answer', { v: version, persona: asked.persona.id, profile: digest(profileOf(asked.persona)), brief: digest(asked.brief), ...params });
}

/** A 32-bit seed from the run's seed, the persona and the question (spacing and case aside), so an answer can be asked for again. */
export function seedFor(runSeed: number, personaId: string, question: string): number {
  return createHash('sha256').update(`${runSeed}\u0000${personaId}\u0000${question.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`).digest().readUInt32BE(0);
}

/** A whole answer as a few pieces at word ends, sent as tokens would be. */
export function pieces(text: string, count = 5): string[] {
  const words = text.split(/(?<=\s)/);
  const per = Math.max(1, Math.ceil(words.length / count));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += per) out.push(words.slice(i, i + per).join(''));
  return out;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

