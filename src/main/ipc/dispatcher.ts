/**
 * Turns the contract table into one transport-neutral entry point: look up the channel, parse the
 * request with its schema, run the handler, and answer with a typed result. A malformed request
 * never reaches a handler. Electron IPC and browser mode both call dispatch().
 */
import type { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { AppError, SecretRegistry } from '../platform';
import type { Channel, EventChannel, EventOf, IpcErrorShape, IpcResult, ParsedRequestOf, ResponseOf } from '../../shared/ipc/types';

export interface HandlerContext {
  /** Sends an event to the caller that made this request. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, context: HandlerContext) => Promise<ResponseOf<C>>;
};

export type Dispatch = (channel: string, payload: unknown, context: HandlerContext) => Promise<IpcResult<unknown>>;

export function isChannel(channel: string): channel is Channel {
  return Object.hasOwn(contract, channel);
}

/** `secretRegistry` holds the core's API keys, hidden from every error message; by default none are known. */
export function createDispatcher(handlers: Handlers, onInternalError: (channel: string, error: unknown) => void = () => {}, secretRegistry = new SecretRegistry()): Dispatch {
  return async (channel, payload, context) => {
    if (!isChannel(channel)) {
      return fail({ code: 'unknown_channel', message: `There is no channel called "${String(channel).slice(0, 80)}".` }, secretRegistry);
    }
    const parsed = parseRequest(channel, payload ?? {}, onInternalError);
    if (!parsed.success) return fail(parsed.error, secretRegistry);
    try {
      const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, context) };
    } catch (error) {
      if (error instanceof AppError) {
        return fail({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }, secretRegistry);
      }
      onInternalError(channel, error);
      return fail({ code: 'internal', message: `${channel} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` }, secretRegistry);
    }
  };
}

type ParseResult = { success: true; data: unknown } | { success: false; error: IpcErrorShape };

function parseRequest(channel: Channel, payload: unknown, onInternalError: (channel: string, error: unknown) => void): ParseResult {
  try {
    const parsed = (contract[channel].request as z.ZodType).safeParse(payload);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, error: describeInvalid(channel, parsed.error) };
  } catch (error) {
    // zod reports bad values but lets a getter's or proxy trap's exception through; the thrown value
    // is the caller's and may not even turn into text, so the answer does not quote it. It is still
    // reported: the same path would hide a bug in a schema of ours.
    onInternalError(channel, error);
    return { success: false, error: { code: 'invalid_request', message: `${channel}: the request could not be read (a getter or proxy in it threw)` } };
  }
}

/** Every error message is scrubbed of API keys on its way out, whoever wrote it. */
function fail(error: IpcErrorShape, secretRegistry: SecretRegistry): IpcResult<never> {
  return { ok: false, error: { ...error, message: secretRegistry.redact(error.message) } };
}

function describeInvalid(channel: string, error: z.ZodError): IpcErrorShape {
  const issue = error.issues[0]!;
  const field = shortName(issue.path.map((key) => shortName(String(key))).join('.'), MAX_FIELD_LENGTH);
  if (issue.code === 'unrecognized_keys') {
    // The caller chooses the keys: naming a few, each cut short, keeps the answer small whatever was sent.
    const named = issue.keys.slice(0, MAX_KEYS_NAMED).map((key) => shortName(key));
    const more = issue.keys.length > MAX_KEYS_NAMED ? ` and ${issue.keys.length - MAX_KEYS_NAMED} more` : '';
    const at = field ? `${field}.` : '';
    return { code: 'invalid_request', message: `${channel}: unknown field ${at}${named.join(', ')}${more}`, field: `${at}${named[0]}` };
  }
  return {
    code: 'invalid_request',
    message: field ? `${channel}: ${field} ${issue.message}` : `${channel}: the request ${issue.message}`,
    ...(field ? { field } : {}),
  };
}

const MAX_KEYS_NAMED = 5;
const MAX_NAME_LENGTH = 80;
const MAX_FIELD_LENGTH = 240;

function shortName(name: string, max = MAX_NAME_LENGTH): string {
  return name.length > max ? `${name.slice(0, max)}…` : name;
}
