/**
 * What a model's calls cost in tokens, per model (and server) and level: estimates until the API
 * reports usage (Ollama's prompt_eval_count and eval_count, OpenAI's usage, Gemini's
 * usageMetadata), then what it reported; and the most personas a call may ask for once an answer
 * was cut, so that the next calls fit. Kept for the session, in memory.
 */
import type { Level } from '../../../shared/persona';

/** Before any usage is seen: a token is about four characters of English prose, three of JSON and other languages. */
const CHARS_PER_TOKEN = 3;
/** Tokens per persona before any answer is seen: the offline engine's personas are ~900, ~1,550 and ~1,900 characters. */
const ANSWER_TOKENS: Record<Level, number> = { simple: 400, standard: 600, b2b: 750 };
/** Learned figures get this headroom: the next answer may run longer than the last. */
const HEADROOM = 1.25;
const MAX_MODELS = 64;

export interface Usage {
  promptChars: number;
  promptTokens?: number;
  personas: number;
  answerTokens?: number;
}

interface ModelFigures {
  tokensPerChar?: number;
  perPersona: Partial<Record<Level, number>>;
  maxPersonas: Partial<Record<Level, number>>;
  lastPromptChars?: number;
}

export class TokenBudget {
  private readonly models = new Map<string, ModelFigures>();

  promptTokens(model: string, chars: number): number {
    const ratio = this.models.get(model)?.tokensPerChar;
    return Math.ceil(chars * (ratio ? ratio * HEADROOM : 1 / CHARS_PER_TOKEN));
  }

  answerTokens(model: string, level: Level, personas: number): number {
    return Math.ceil(personas * this.perPersona(model, level));
  }

  perPersona(model: string, level: Level): number {
    const learned = this.models.get(model)?.perPersona[level];
    return learned ? learned * HEADROOM : ANSWER_TOKENS[level];
  }

  /** The prompt of the last call at any level, for a plan made before the next prompt is written. */
  lastPromptChars(model: string): number | undefined {
    return this.models.get(model)?.lastPromptChars;
  }

  /** A call's prompt was this long (before its answer is known). */
  sent(model: string, promptChars: number): void {
    this.figures(model).lastPromptChars = promptChars;
  }

  /** What a complete answer cost, as the API reported it. */
  learn(model: string, level: Level, usage: Usage): void {
    const figures = this.figures(model);
    if (usage.promptTokens && usage.promptChars > 0) figures.tokensPerChar = usage.promptTokens / usage.promptChars;
    if (usage.answerTokens && usage.personas > 0) figures.perPersona[level] = usage.answerTokens / usage.personas;
  }

  /** An answer for `asked` personas was cut after `complete`: calls at this level ask for no more than fitted. */
  cut(model: string, level: Level, asked: number, complete: number): void {
    const figures = this.figures(model);
    const fits = complete > 0 ? complete : Math.max(1, Math.floor(asked / 2));
    figures.maxPersonas[level] = Math.min(figures.maxPersonas[level] ?? fits, fits);
  }

  maxPersonas(model: string, level: Level): number | undefined {
    return this.models.get(model)?.maxPersonas[level];
  }

  private figures(model: string): ModelFigures {
    let figures = this.models.get(model);
    if (!figures) {
      if (this.models.size >= MAX_MODELS) this.models.delete(this.models.keys().next().value!);
      figures = { perPersona: {}, maxPersonas: {} };
      this.models.set(model, figures);
    }
    return figures;
  }
}
