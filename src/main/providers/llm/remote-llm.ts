/**
 * What the three HTTP LLM providers share: a request/answer round (streamed or not) turned into
 * the raw text the repair engine reads, with persona progress from the stream, and a probe that
 * lists the models. Each provider supplies only its wire format.
 */
import type { ZodType } from 'zod';
import { CallError } from '../../scheduler/call-error';
import { excerpt, readJson, readLines, send } from '../http/http-call';
import type { LlmProvider, PersonaRequest, ProviderContext, ProviderOutput } from '../types';
import type { LlmEndpoint, ProbeResult } from './llm-settings';
import { personasBegun, renderPersonaPrompt, type RenderedPrompt } from './persona-prompt';

/** What one streamed line adds: more text or a refusal (keep-alives, role-only deltas and end markers add nothing). */
export type StreamEvent = { text?: string; refusal?: string };

export interface WireFormat {
  /** The request for a rendered prompt. */
  request(prompt: RenderedPrompt, request: PersonaRequest, endpoint: LlmEndpoint): { url: string; headers: Record<string, string>; body: unknown };
  /** The whole answer's text from a non-streamed body (already checked with `answerSchema`). */
  answerText(body: unknown): { text: string; refusal?: string };
  answerSchema: ZodType;
  /** One line of the stream; undefined skips it. */
  streamEvent(line: string): StreamEvent | undefined;
  /** GET for the model list and how to read it. */
  models(endpoint: LlmEndpoint): { url: string; headers: Record<string, string> };
  modelNames(body: unknown): string[];
}

export abstract class RemoteLlmProvider implements LlmProvider {
  abstract readonly id: string;
  abstract readonly label: string;
  abstract readonly kind: 'local' | 'cloud';
  protected abstract readonly wire: WireFormat;

  constructor(protected readonly endpoint: () => LlmEndpoint) {}

  async generate(request: PersonaRequest, context: ProviderContext): Promise<ProviderOutput> {
    const endpoint = this.endpoint();
    this.checkConfigured(endpoint);
    const prompt = renderPersonaPrompt(request);
    const { url, headers, body } = this.wire.request(prompt, request, endpoint);
    const response = await send({ provider: this.label, url, headers, body, signal: context.signal });
    if (!endpoint.stream) {
      const parsed = this.wire.answerSchema.safeParse(await readJson(response, this.label, context.signal));
      if (!parsed.success) throw new CallError('malformed', `${this.label} answered in an unexpected shape (${excerpt(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))})`, { provider: this.id });
      const answer = this.wire.answerText(parsed.data);
      return this.output(answer.text, answer.refusal);
    }
    let text = '';
    let refusal: string | undefined;
    let begun = 0;
    await readLines(response, this.label, context.signal, (line) => {
      const event = this.wire.streamEvent(line);
      if (!event) return;
      if (event.refusal) refusal = (refusal ?? '') + event.refusal;
      if (event.text) {
        text += event.text;
        const now = personasBegun(text);
        // A persona is done when the next one begins; the last when the stream ends.
        if (now > begun) {
          begun = now;
          context.onPersona?.(Math.min(request.count, now - 1), request.count);
        }
      }
    });
    context.onPersona?.(Math.min(request.count, begun), request.count);
    return this.output(text, refusal);
  }

  async probe(signal: AbortSignal): Promise<ProbeResult> {
    const endpoint = this.endpoint();
    try {
      this.checkConfigured(endpoint);
      const { url, headers } = this.wire.models(endpoint);
      const response = await send({ provider: this.label, url, headers, signal });
      const models = this.wire.modelNames(await readJson(response, this.label, signal));
      const has = models.includes(endpoint.model);
      return {
        reachable: true,
        models,
        message: has || models.length === 0 ? `${this.label} is reachable${models.length ? ` with ${models.length} models` : ''}.` : `${this.label} is reachable, but has no model "${endpoint.model}"; it has ${models.slice(0, 8).join(', ')}.`,
      };
    } catch (error) {
      return { reachable: false, models: [], message: error instanceof Error ? error.message : String(error) };
    }
  }

  private checkConfigured(endpoint: LlmEndpoint): void {
    if (!endpoint.model) throw new CallError('bad_request', `${this.label} has no model set: choose one in Settings.`, { provider: this.id });
    if (this.kind === 'cloud' && !endpoint.apiKey) throw new CallError('unauthorized', `${this.label} needs an API key: add it in Settings.`, { provider: this.id });
  }

  private output(text: string, refusal: string | undefined): ProviderOutput {
    if (refusal && text.trim() === '') throw new CallError('refused', `${this.label} declined to answer: ${excerpt(refusal)}`, { provider: this.id });
    if (text.trim() === '') throw new CallError('malformed', `${this.label} sent an empty answer`, { provider: this.id });
    return { format: 'text', text };
  }
}
