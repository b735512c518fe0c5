/**
 * One chat round for the three HTTP LLM providers: a persona's answer to a question, streamed token
 * by token (NDJSON or server-sent events, as each wire streams its persona answers) when the
 * endpoint streams, else read whole and handed on at once. What the wires report in their own words
 * is acted on as for persona answers (remote-llm.ts): an error in the middle of the stream is a
 * CallError (the caller keeps what arrived), a refusal with no text is `refused`, and a finish
 * reason that means the API stopped early marks the answer cut.
 */
import type { LlmEndpoint } from '../../../shared/settings';
import type { SecretRegistry } from '../../platform';
import { CallError } from '../../scheduler';
import { excerpt, readJson, readLines, send } from '../http/http-call';
import type { ChatAnswer, ChatContext, ChatRequest } from '../types';
import type { AnswerPart, RequestPlan, WireFormat } from './wire-format';
import type { TokenBudget } from './token-budget';

/** Tokens a chat answer is given room for: a few paragraphs, or a concept verdict. */
export const CHAT_ANSWER_TOKENS = 1_024;

export interface ChatRoundDeps {
  id: string;
  label: string;
  wire: WireFormat;
  endpoint: LlmEndpoint;
  lessons: ReadonlySet<string>;
  budget: TokenBudget;
  /** The model's key in the budget (its server and name). */
  modelKey: string;
  secretRegistry: SecretRegistry;
}

export async function chatRound(deps: ChatRoundDeps, request: ChatRequest, context: ChatContext): Promise<ChatAnswer> {
  const { wire, endpoint, label, secretRegistry } = deps;
  const promptChars = request.system.length + request.messages.reduce((n, m) => n + m.content.length, 0);
  const plan: RequestPlan = { lessons: deps.lessons, promptTokens: deps.budget.promptTokens(deps.modelKey, promptChars), answerTokens: CHAT_ANSWER_TOKENS };
  const { url, headers, body } = wire.chat(request, endpoint, plan);
  const response = await send({ provider: label, url, headers, body, signal: context.signal, secretRegistry, ...(wire.readError ? { readError: wire.readError } : {}) });
  const answer = endpoint.stream ? await readStream(deps, response, context) : await readWhole(deps, response, context);
  if (answer.error) throw answer.error;
  const text = wire.cleanText?.(answer.text ?? '') ?? answer.text ?? '';
  if (answer.refusal && text.trim() === '') throw new CallError('refused', `${label} declined to answer: ${excerpt(answer.refusal, secretRegistry)}`, { provider: deps.id });
  if (text.trim() === '') throw new CallError('malformed', `${label} sent an empty answer`, { provider: deps.id });
  const cut = answer.finish && (wire.isCut(answer.finish) || answer.refusal) ? `${label} stopped the answer early (${wire.finishField} "${answer.finish}")` : undefined;
  return { text, model: endpoint.model, ...(cut ? { cut } : {}) };
}

async function readWhole(deps: ChatRoundDeps, response: Response, context: ChatContext): Promise<AnswerPart> {
  const parsed = deps.wire.answerSchema.safeParse(await readJson(response, deps.label, context.signal, deps.secretRegistry));
  if (!parsed.success) throw new CallError('malformed', `${deps.label} answered in an unexpected shape (${excerpt(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), deps.secretRegistry)})`, { provider: deps.id });
  const part = deps.wire.answer(parsed.data);
  if (part.text && !part.error) context.onToken?.(part.text);
  return part;
}

async function readStream(deps: ChatRoundDeps, response: Response, context: ChatContext): Promise<AnswerPart> {
  const whole: AnswerPart = {};
  let text = '';
  await readLines(response, deps.label, context.signal, (line) => {
    const part = deps.wire.streamEvent(line);
    if (!part) return;
    if (part.error) throw part.error;
    if (part.refusal) whole.refusal = (whole.refusal ?? '') + part.refusal;
    if (part.finish) whole.finish = part.finish;
    if (part.text) {
      text += part.text;
      context.onToken?.(part.text);
    }
  });
  return { ...whole, text };
}
