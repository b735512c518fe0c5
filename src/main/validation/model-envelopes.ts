/**
 * A model API's whole response pasted in place of its answer: OpenAI chat completions (message
 * content, `tool_calls[].function.arguments` as a JSON string, the older `function_call`), the
 * OpenAI Responses API (`output` items), Anthropic messages (`text` and `tool_use` blocks with
 * their `input`), Gemini (`candidates[].content.parts[]` with `text` or `functionCall.args`),
 * Ollama (`message` or `response`) and chat transcripts (`[{role, content}]`). The answer inside is
 * what holds the personas; the envelope's own keys (`id`, `name` of a tool, `role`) would otherwise
 * read as persona fields.
 */
import { parseLenientJson } from './json-syntax';

export interface Unwrapped {
  /** What the model passed to its tools: structured data, preferred over its prose when both exist. */
  args: unknown[];
  /** What the model wrote, in order. */
  texts: string[];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Cheap test on a raw string before parsing it a second time: only envelopes carry these keys. */
const ENVELOPE_KEY = /"(?:choices|candidates|tool_calls|tool_use|functionCall|function_call|output|content|response|message)"\s*:/;

/** Speakers of a chat transcript: a persona's `role` is a job, never one of these. */
const CHAT_ROLE = /^(?:user|system|assistant|model|tool|developer|ai|human|bot)$/i;
const BLOCK_TYPE = /^(?:text|tool_use|tool_result|thinking|redacted_thinking|image|output_text|input_text|function_call)$/;

/** The answer inside an envelope, as a string (the text) or a value (tool arguments); undefined when `raw` is no envelope. */
export function unwrapModelEnvelope(raw: unknown): { value: unknown; how: string } | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    // Only the opening of the text is looked at: a clean answer must not pay for a copy of itself.
    const start = raw.search(/\S/);
    const first = start < 0 ? 0 : raw.charCodeAt(start);
    // A transcript's first message or an envelope's keys come early; a list of personas is scanned only briefly.
    if ((first !== 123 && first !== 91) || !ENVELOPE_KEY.test(raw.slice(start, start + (first === 91 ? 300 : 2000)))) return undefined;
    value = parseLenientJson(raw.trim())?.value;
  }
  const found: Unwrapped = { args: [], texts: [] };
  if (!readEnvelope(value, found, 0)) return undefined;
  if (found.args.length > 0) return { value: found.args.length === 1 ? found.args[0] : found.args, how: "took the personas out of the model's tool-call arguments" };
  const text = found.texts.join('\n\n').trim();
  return text === '' ? undefined : { value: text, how: "took the answer out of the model API's response envelope" };
}

/** Reads one envelope shape; true when `value` was one (even an empty one). */
function readEnvelope(value: unknown, out: Unwrapped, depth: number): boolean {
  if (depth > 3) return false;
  if (Array.isArray(value)) {
    // A streamed answer saved as its chunks, or a transcript: every part that is an envelope counts.
    let any = false;
    for (const item of value) if (readEnvelope(item, out, depth + 1)) any = true;
    return any;
  }
  if (!isRec(value)) return false;
  if (Array.isArray(value.choices) && value.choices.some((c) => isRec(c) && (isRec(c.message) || isRec(c.delta) || typeof c.text === 'string'))) {
    for (const choice of value.choices) {
      if (!isRec(choice)) continue;
      if (typeof choice.text === 'string') out.texts.push(choice.text);
      readMessage(isRec(choice.message) ? choice.message : choice.delta, out);
    }
    return true;
  }
  if (Array.isArray(value.candidates) && value.candidates.some((c) => isRec(c) && isRec(c.content))) {
    for (const candidate of value.candidates) if (isRec(candidate) && isRec(candidate.content)) readParts(candidate.content.parts, out);
    return true;
  }
  if (Array.isArray(value.output) && value.output.some((o) => isRec(o) && (o.type === 'message' || o.type === 'function_call'))) {
    for (const item of value.output) {
      if (!isRec(item)) continue;
      if (item.type === 'function_call') pushArgs(item.arguments, out);
      else if (Array.isArray(item.content)) readBlocks(item.content, out);
    }
    return true;
  }
  // Anthropic's message: a content list of typed blocks.
  if (Array.isArray(value.content) && value.content.length > 0 && value.content.every((b) => isRec(b) && BLOCK_TYPE.test(String(b.type)))) {
    if (value.role !== undefined && value.role !== 'assistant') return true;
    readBlocks(value.content, out);
    return true;
  }
  if (typeof value.role === 'string' && CHAT_ROLE.test(value.role) && ('content' in value || 'tool_calls' in value || 'parts' in value)) {
    if (/^(?:assistant|model|ai|bot)$/i.test(value.role)) readMessage(value, out);
    return true;
  }
  // Ollama: `{model, message: {role, content}}` from chat, `{model, response}` from generate.
  if (typeof value.model === 'string' && (isRec(value.message) || typeof value.response === 'string')) {
    if (typeof value.response === 'string') out.texts.push(value.response);
    else readMessage(value.message, out);
    return true;
  }
  return false;
}

function readMessage(message: unknown, out: Unwrapped): void {
  if (!isRec(message)) return;
  if (typeof message.content === 'string') out.texts.push(message.content);
  else if (Array.isArray(message.content)) readBlocks(message.content, out);
  if (Array.isArray(message.parts)) readParts(message.parts, out);
  if (Array.isArray(message.tool_calls)) for (const call of message.tool_calls) if (isRec(call) && isRec(call.function)) pushArgs(call.function.arguments, out);
  if (isRec(message.function_call)) pushArgs(message.function_call.arguments, out);
}

/** Typed content blocks: text, output_text, tool_use with its input. */
function readBlocks(blocks: unknown[], out: Unwrapped): void {
  for (const block of blocks) {
    if (typeof block === 'string') out.texts.push(block);
    else if (!isRec(block)) continue;
    else if (block.type === 'tool_use' || block.type === 'function_call') pushArgs(block.input ?? block.arguments, out);
    else if (typeof block.text === 'string') out.texts.push(block.text);
  }
}

function readParts(parts: unknown, out: Unwrapped): void {
  if (!Array.isArray(parts)) return;
  for (const part of parts) {
    if (!isRec(part)) continue;
    if (typeof part.text === 'string' && part.thought !== true) out.texts.push(part.text);
    if (isRec(part.functionCall)) pushArgs(part.functionCall.args, out);
  }
}

/** Arguments come as an object or as the JSON string of one. */
function pushArgs(args: unknown, out: Unwrapped): void {
  if (typeof args === 'string') {
    const parsed = parseLenientJson(args)?.value;
    if (parsed !== undefined && parsed !== null && typeof parsed === 'object') out.args.push(parsed);
    else if (args.trim() !== '') out.texts.push(args);
  } else if (args !== null && typeof args === 'object') out.args.push(args);
}
