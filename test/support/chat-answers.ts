/**
 * The stand-in models' side of a conversation: a chat request that is not a persona-generation
 * prompt is a persona asked a question (or for a concept verdict). Its turns are read from each
 * wire's own shape (Ollama's and OpenAI's messages, Gemini's systemInstruction and contents), and
 * answered in the first person, or with a JSON verdict when the request asks for JSON output.
 * Free of vitest, so benchmarks can use it.
 */
import type { Wire } from './provider-server';

export interface ChatAsked {
  /** The system prompt (Gemini's systemInstruction). */
  system: string;
  /** The persona the system prompt names. */
  persona: string;
  /** Every turn after the system prompt, with the wire's own role names. */
  turns: Array<{ role: string; content: string }>;
  /** The last turn's text: the question. */
  question: string;
  /** JSON output was asked for (a concept verdict). */
  verdict: boolean;
}

type Body = {
  messages?: Array<{ role?: string; content?: string }>;
  contents?: Array<{ role?: string; parts?: Array<{ text?: string }> }>;
  systemInstruction?: { parts?: Array<{ text?: string }> };
  format?: unknown;
  response_format?: { type?: string };
  generationConfig?: { responseMimeType?: string };
};

/** The conversation a chat request holds, or undefined for a persona-generation prompt. */
export function chatAskedFor(wire: Wire, body: unknown): ChatAsked | undefined {
  const b = (body ?? {}) as Body;
  let system: string;
  let turns: Array<{ role: string; content: string }>;
  if (wire === 'gemini') {
    system = (b.systemInstruction?.parts ?? []).map((p) => p.text ?? '').join('');
    turns = (b.contents ?? []).map((c) => ({ role: c.role ?? '', content: (c.parts ?? []).map((p) => p.text ?? '').join('') }));
  } else {
    const messages = (b.messages ?? []).map((m) => ({ role: m.role ?? '', content: m.content ?? '' }));
    system = messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n');
    turns = messages.filter((m) => m.role !== 'system');
  }
  const persona = /^You are (.+?), one of the personas/.exec(system)?.[1];
  if (!persona) return undefined;
  const verdict = wire === 'ollama' ? b.format !== undefined : wire === 'openai' ? b.response_format?.type === 'json_schema' : b.generationConfig?.responseMimeType === 'application/json';
  return { system, persona, turns, question: turns.at(-1)?.content ?? '', verdict };
}

/** What the stand-in persona says: a first-person answer naming the question, or a verdict as JSON. */
export function chatAnswer(asked: ChatAsked, turnsBefore = asked.turns.length - 1): string {
  if (asked.verdict) {
    return JSON.stringify({
      likelihood: 4,
      reasons: [{ text: 'It would save me time on busy evenings.', field: 'goals' }],
      objections: [{ text: 'The price is a lot for my budget.', field: 'incomeBracket' }],
      changeMind: 'A first week free would change my mind.',
    });
  }
  const topic = asked.question.replace(/[?.!]+$/, '').slice(0, 80);
  return `Speaking as ${asked.persona}: you asked "${topic}". Honestly, it depends on my week, and I have answered ${turnsBefore / 2} questions before this one. I would try it if it saved me time and fitted what I already pay for, and I would tell my friends if it did.`;
}
