/**
 * What each HTTP LLM provider supplies to the shared client (remote-llm.ts, chat-round.ts): its wire
 * format, the requests for a persona prompt and for a conversation, and how its answers, streamed
 * lines, errors and model lists read.
 */
import type { ZodType } from 'zod';
import type { Level } from '../../../shared/persona';
import type { LlmEndpoint } from '../../../shared/settings';
import type { CallError } from '../../scheduler';
import type { ErrorReading } from '../http/http-call';
import type { ChatRequest, PersonaRequest } from '../types';
import type { RenderedPrompt } from './persona-prompt';
import type { TokenBudget } from './token-budget';

/** What one body or streamed line says; keep-alives, role-only deltas and end markers say nothing. */
export interface AnswerPart {
  text?: string;
  /** The API declined (a refusal field, a blocked prompt). */
  refusal?: string;
  /** How the API says the answer ended (finish_reason, done_reason, finishReason). */
  finish?: string;
  /** Tokens the API counted, when it says. */
  promptTokens?: number;
  answerTokens?: number;
  /** An error the API sent in place of (the rest of) the answer. */
  error?: CallError;
}

/** What a request is built from, besides the prompt and the endpoint. */
export interface RequestPlan {
  /** What this model was found not to take (see `lessonFrom`). */
  lessons: ReadonlySet<string>;
  promptTokens: number;
  answerTokens: number;
}

export interface WireFormat {
  /** The request for a rendered prompt. */
  request(prompt: RenderedPrompt, request: PersonaRequest, endpoint: LlmEndpoint, plan: RequestPlan): { url: string; headers: Record<string, string>; body: unknown };
  /** The request for a conversation (a persona's answer), in the same envelope; answers are read as persona answers are. */
  chat(request: ChatRequest, endpoint: LlmEndpoint, plan: RequestPlan): { url: string; headers: Record<string, string>; body: unknown };
  /** The whole answer from a non-streamed body (already checked with `answerSchema`). */
  answer(body: unknown): AnswerPart;
  answerSchema: ZodType;
  /** One line of the stream; undefined skips it. */
  streamEvent(line: string): AnswerPart | undefined;
  /** The API's name for how an answer ended, for messages (done_reason, finish_reason, finishReason). */
  finishField: string;
  /** Whether a finish reason means the answer stopped at a limit before its end (a content stop comes as a refusal). */
  isCut(finish: string): boolean;
  /** Tidies a whole answer's text before repair reads it. */
  cleanText?(text: string): string;
  /** Reads the API's error body. */
  readError?: (status: number, body: string) => ErrorReading;
  /** The lesson a refusal teaches (what to leave out next time), or undefined when sending again would not help. */
  lessonFrom?(error: CallError, endpoint: LlmEndpoint, lessons: ReadonlySet<string>): string | undefined;
  /** The most personas that fit one call for the model, when the wire knows its limit (Ollama's context). */
  fits?(budget: TokenBudget, key: string, level: Level): number | undefined;
  /** GET for the model list (`pageToken` from the previous page's `nextPage`) and how to read it. */
  models(endpoint: LlmEndpoint, pageToken?: string): { url: string; headers: Record<string, string> };
  modelPage(body: unknown): { names: string[]; nextPage?: string };
}
