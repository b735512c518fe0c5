/**
 * The two seams of the pipeline. An LlmProvider turns a brief into raw personas (objects from the
 * offline engine, text from an LLM); a CultureSource supplies the cultural candidates the personas
 * draw on. Both receive the brief already analysed, and an AbortSignal they must honour.
 */
import type { Level } from '../../shared/persona';
import type { CulturalConstraints } from '../world';
import type { ResolvedBrief } from '../../shared/brief';
import type { BriefAnalysis } from '../world';
import type { Priority } from '../scheduler';

export interface CultureSource {
  readonly id: string;
  /** `priority` ranks any outbound calls: high for the user's generation (the default), low for preloading. */
  constraintsFor(analysis: BriefAnalysis, signal: AbortSignal, priority?: Priority): Promise<CulturalConstraints>;
  /** What the lookup depends on, for its cache key; undefined (or no method) means it is not cached. */
  cacheParams?(analysis: BriefAnalysis): Record<string, unknown> | undefined;
  /** Lookups likely to follow this one (neighbouring regions or age bands), for preloading. */
  neighbours?(analysis: BriefAnalysis, limit: number): BriefAnalysis[];
}

export interface PersonaRequest {
  brief: ResolvedBrief;
  level: Level;
  count: number;
  seed: number;
  analysis: BriefAnalysis;
  culture: CulturalConstraints;
  /** Names already generated, when the provider is asked again for the personas its answer lacked. */
  exclude?: readonly string[];
  /** Goals, pain points and quotes the run already holds, when personas are written again to join it. */
  avoidLines?: readonly string[];
}

export interface ProviderContext {
  signal: AbortSignal;
  /** The model server the scheduler chose for this call among the engine's; unset: the engine's baseUrl. */
  baseUrl?: string;
  /** Called as each persona is ready, for progress. */
  onPersona?: (done: number, total: number) => void;
  /** Called once when a streamed answer's first text arrives, with the milliseconds since the request was sent. */
  onFirstToken?: (ms: number) => void;
}

/**
 * An answer the API says it stopped before its end (a length limit, a content stop): `reason` in the
 * API's own words, and how many personas it completed (the text keeps only those).
 */
export interface CutAnswer {
  reason: string;
  complete: number;
}

/** Structured objects (the offline engine) or raw text (LLMs); validation handles both. */
export type ProviderOutput = { format: 'objects'; personas: unknown[] } | { format: 'text'; text: string; cut?: CutAnswer };

export interface LlmProvider {
  readonly id: string;
  readonly label: string;
  readonly kind: 'embedded' | 'local' | 'cloud';
  generate(request: PersonaRequest, context: ProviderContext): Promise<ProviderOutput>;
  /** The most personas one call should ask for at `level`, when the provider knows (its context, answers it cut). */
  maxPersonasPerCall?(level: Level): number | undefined;
  /**
   * Everything the answer depends on, when the provider can say (the offline engine reads the
   * analysed brief, not its wording): two requests with equal params get the same answer, so a
   * reworded brief can share a cache entry. Without it the brief's own text is the key.
   */
  cacheParams?(request: Omit<PersonaRequest, 'culture'>): Record<string, unknown>;
}

/** One turn of a conversation sent to a chat API: the user's question or the persona's earlier answer. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A conversation for an LLM to continue: who it speaks as (the system prompt), the turns so far, the last one the user's. */
export interface ChatRequest {
  system: string;
  messages: readonly ChatMessage[];
  seed: number;
  /** A JSON Schema the answer must follow (a concept verdict); absent, the answer is free text. */
  schema?: Record<string, unknown>;
}

export interface ChatContext {
  signal: AbortSignal;
  /** The model server the scheduler chose for this call among the engine's; unset: the engine's baseUrl. */
  baseUrl?: string;
  /** Called with each piece of text as it arrives (once, with the whole, when the endpoint does not stream). */
  onToken?: (text: string) => void;
}

export interface ChatAnswer {
  text: string;
  /** The model that wrote it. */
  model: string;
  /** Set when the API says the answer stopped before its end (a length limit, a content stop), in its words. */
  cut?: string;
}

/** An engine that can speak as a persona: the three HTTP LLM providers. */
export interface ChatProvider {
  readonly id: string;
  readonly label: string;
  /** The model the next chat will use (part of an answer's cache key). */
  chatModel(): string;
  chat(request: ChatRequest, context: ChatContext): Promise<ChatAnswer>;
}
