/**
 * What the three HTTP LLM providers share: a request/answer round (streamed or not) turned into
 * the raw text the repair engine reads, with persona progress from the stream, and a probe that
 * lists the models. Each provider supplies only its wire format. Three things every wire reports
 * in its own words and this class acts on the same way:
 * - how the answer ended: an answer the API cut (a length limit, a content stop) keeps only its
 *   complete personas, says so, and lowers the batch size for the model (see TokenBudget);
 * - an error sent in the middle of a stream: a CallError of its own, never a short answer;
 * - a documented 400 that names a part of the request the model does not take (a temperature, a
 *   schema feature): the model is remembered as not taking it, and the request sent again without.
 * A persona's answer to a question (chat) goes through the same wire and lessons (chat-round.ts).
 */
import type { Level } from '../../../shared/persona';
import { SecretRegistry } from '../../platform';
import { CallError } from '../../scheduler';
import { excerpt, readJson, readLines, send } from '../http/http-call';
import type { ChatAnswer, ChatContext, ChatProvider, ChatRequest, LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../types';
import { completePersonas } from './answer-cut';
import { chatRound } from './chat-round';
import type { LlmEndpoint } from '../../../shared/settings';
import type { ProbeResult } from '../../../shared/performance';
import { personasBegun, renderPersonaPrompt, type RenderedPrompt } from './persona-prompt';
import { TokenBudget } from './token-budget';
import type { AnswerPart, RequestPlan, WireFormat } from './wire-format';

export type { AnswerPart, RequestPlan, WireFormat } from './wire-format';

/** Pages of models a probe reads at most: a server that pages forever is not followed forever. */
const MAX_MODEL_PAGES = 20;

export abstract class RemoteLlmProvider implements LlmProvider, ChatProvider {
  abstract readonly id: string;
  abstract readonly label: string;
  abstract readonly kind: 'local' | 'cloud';
  protected abstract readonly wire: WireFormat;
  protected readonly budget = new TokenBudget();
  private readonly lessons = new Map<string, Set<string>>();

  constructor(
    protected readonly endpoint: () => LlmEndpoint,
    /** The core's API keys, hidden wherever a provider's text is quoted; by default none are known. */
    private readonly secretRegistry: SecretRegistry = new SecretRegistry(),
  ) {}

  async generate(request: PersonaRequest, context: ProviderContext): Promise<ProviderOutput> {
    const endpoint = onServer(this.endpoint(), context.baseUrl);
    this.checkConfigured(endpoint);
    const prompt = renderPersonaPrompt(request);
    return this.withLessons(endpoint, (lessons) => this.round(prompt, request, endpoint, lessons, context));
  }

  chatModel(): string {
    return this.endpoint().model;
  }

  /** A persona's answer: streamed to `context.onToken` as it is written; the whole text at the end. */
  async chat(request: ChatRequest, context: ChatContext): Promise<ChatAnswer> {
    const endpoint = onServer(this.endpoint(), context.baseUrl);
    this.checkConfigured(endpoint);
    const deps = { id: this.id, label: this.label, wire: this.wire, endpoint, budget: this.budget, modelKey: modelKey(endpoint), secretRegistry: this.secretRegistry };
    return this.withLessons(endpoint, (lessons) => chatRound({ ...deps, lessons }, request, context));
  }

  maxPersonasPerCall(level: Level): number | undefined {
    const key = modelKey(this.endpoint());
    const limits = [this.budget.maxPersonas(key, level), this.wire.fits?.(this.budget, key, level)].filter((n): n is number => n !== undefined);
    return limits.length ? Math.max(1, Math.min(...limits)) : undefined;
  }

  /** Lists the models of the engine's server, or of `baseUrl`, one of its others. */
  async probe(signal: AbortSignal, baseUrl?: string): Promise<ProbeResult> {
    const endpoint = onServer(this.endpoint(), baseUrl);
    try {
      this.checkConfigured(endpoint);
      const models: string[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_MODEL_PAGES; page++) {
        const { url, headers } = this.wire.models(endpoint, pageToken);
        const response = await send({ provider: this.label, url, headers, signal, secretRegistry: this.secretRegistry, ...this.errorReader() });
        const { names, nextPage } = this.wire.modelPage(await readJson(response, this.label, signal, this.secretRegistry));
        models.push(...names);
        if (!nextPage) break;
        pageToken = nextPage;
      }
      const has = models.includes(endpoint.model);
      return {
        reachable: true,
        models,
        message: has || models.length === 0 ? `${this.label} is reachable${models.length ? ` with ${models.length} models` : ''}.` : `${this.label} is reachable, but has no model "${endpoint.model}"; it has ${models.slice(0, 8).join(', ')}.`,
      };
    } catch (error) {
      // Text for the settings screen, not a failure the scheduler would scrub: scrubbed here.
      return { reachable: false, models: [], message: this.secretRegistry.redact(error instanceof Error ? error.message : String(error)) };
    }
  }

  private async round(prompt: RenderedPrompt, request: PersonaRequest, endpoint: LlmEndpoint, lessons: ReadonlySet<string>, context: ProviderContext): Promise<ProviderOutput> {
    const key = modelKey(endpoint);
    const promptChars = prompt.system.length + prompt.user.length;
    const plan: RequestPlan = { lessons, promptTokens: this.budget.promptTokens(key, promptChars), answerTokens: this.budget.answerTokens(key, request.level, request.count) };
    const { url, headers, body } = this.wire.request(prompt, request, endpoint, plan);
    this.budget.sent(key, promptChars);
    const sentAt = performance.now();
    const response = await send({ provider: this.label, url, headers, body, signal: context.signal, secretRegistry: this.secretRegistry, ...this.errorReader() });
    const answer = endpoint.stream ? await this.readStream(response, request, context, sentAt) : await this.readWhole(response, context.signal);
    if (answer.error) throw answer.error;
    if (answer.refusal && (answer.text ?? '').trim() === '') throw new CallError('refused', `${this.label} declined to answer: ${excerpt(answer.refusal, this.secretRegistry)}`, { provider: this.id });
    const clean = (text: string) => this.wire.cleanText?.(text) ?? text;
    // A content stop after some text, like a length limit, cuts the answer: what it completed is kept.
    if (answer.finish && (this.wire.isCut(answer.finish) || answer.refusal)) {
      const kept = completePersonas(answer.text ?? '');
      this.budget.cut(key, request.level, request.count, kept.complete);
      return { format: 'text', text: clean(kept.text), cut: { reason: `${this.wire.finishField} "${answer.finish}"`, complete: kept.complete } };
    }
    const text = clean(answer.text ?? '');
    if (text.trim() === '') throw new CallError('malformed', `${this.label} sent an empty answer`, { provider: this.id });
    this.budget.learn(key, request.level, { promptChars, personas: Math.min(request.count, personasBegun(text)), ...tokens(answer) });
    return { format: 'text', text };
  }

  private async readWhole(response: Response, signal: AbortSignal): Promise<AnswerPart> {
    const parsed = this.wire.answerSchema.safeParse(await readJson(response, this.label, signal, this.secretRegistry));
    if (!parsed.success) throw new CallError('malformed', `${this.label} answered in an unexpected shape (${excerpt(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), this.secretRegistry)})`, { provider: this.id });
    return this.wire.answer(parsed.data);
  }

  private async readStream(response: Response, request: PersonaRequest, context: ProviderContext, sentAt: number): Promise<AnswerPart> {
    const whole: AnswerPart = {};
    let text = '';
    // The engine's time to first token, for its profile: what a user of a slow local model waits before anything moves.
    let firstToken = context.onFirstToken;
    let begun = 0;
    await readLines(response, this.label, context.signal, (line) => {
      const part = this.wire.streamEvent(line);
      if (!part) return;
      if (part.error) throw part.error;
      if (part.refusal) whole.refusal = (whole.refusal ?? '') + part.refusal;
      if (part.finish) whole.finish = part.finish;
      if (part.promptTokens) whole.promptTokens = part.promptTokens;
      if (part.answerTokens) whole.answerTokens = part.answerTokens;
      if (part.text) {
        firstToken?.(performance.now() - sentAt);
        firstToken = undefined;
        text += part.text;
        const now = personasBegun(text);
        // A persona is done when the next one begins; the last when the stream ends.
        if (now > begun) {
          begun = now;
          context.onPersona?.(Math.min(request.count, now - 1), request.count);
        }
      }
    });
    context.onPersona?.(Math.min(request.count, begun), request.count);
    return { ...whole, text };
  }

  /** Runs a round; a documented 400 that teaches the model a lesson (see `lessonFrom`) sends it once more without what it refused. */
  private async withLessons<T>(endpoint: LlmEndpoint, round: (lessons: ReadonlySet<string>) => Promise<T>): Promise<T> {
    const lessons = this.lessonsFor(modelKey(endpoint));
    for (;;) {
      try {
        return await round(lessons);
      } catch (error) {
        const lesson = error instanceof CallError ? this.wire.lessonFrom?.(error, endpoint, lessons) : undefined;
        if (!lesson || lessons.has(lesson)) throw error;
        lessons.add(lesson);
      }
    }
  }

  private errorReader(): { readError?: WireFormat['readError'] } {
    return this.wire.readError ? { readError: this.wire.readError } : {};
  }

  private lessonsFor(key: string): Set<string> {
    let lessons = this.lessons.get(key);
    if (!lessons) {
      lessons = new Set();
      this.lessons.set(key, lessons);
    }
    return lessons;
  }

  private checkConfigured(endpoint: LlmEndpoint): void {
    if (!endpoint.model) throw new CallError('bad_request', `${this.label} has no model set: choose one in Settings.`, { provider: this.id });
    if (this.kind === 'cloud' && !endpoint.apiKey) throw new CallError('unauthorized', `${this.label} needs an API key: add it in Settings.`, { provider: this.id });
  }
}

/** The engine's settings aimed at one of its servers: the key, model and options stay the engine's. */
function onServer(endpoint: LlmEndpoint, baseUrl: string | undefined): LlmEndpoint {
  return baseUrl === undefined || baseUrl === endpoint.baseUrl ? endpoint : { ...endpoint, baseUrl };
}

/** Learned figures belong to a model on a server: the same name elsewhere may be another build. */
function modelKey(endpoint: LlmEndpoint): string {
  return `${endpoint.baseUrl} ${endpoint.model}`;
}

function tokens(answer: AnswerPart): { promptTokens?: number; answerTokens?: number } {
  return { ...(answer.promptTokens ? { promptTokens: answer.promptTokens } : {}), ...(answer.answerTokens ? { answerTokens: answer.answerTokens } : {}) };
}

/** Whether a model may be sent `endpoint.temperature`: not when settings say "model default", nor to a model that takes no other. */
export function sendsTemperature(endpoint: LlmEndpoint, takesOnlyDefault: boolean): boolean {
  return endpoint.temperatureMode !== 'model_default' && !takesOnlyDefault;
}
