/**
 * Answers as they stream: the text so far of each request, per persona, from 'answer:token'
 * events matched by request id. Tokens count only from openStream to closeStream: those that
 * arrive after the reply (events and replies travel apart) are dropped, the reply's text being the
 * whole answer. Tokens are added once a frame, so a fast stream costs one render a frame, not one
 * a token.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { AnswerToken } from '../../../shared/conversations';
import { useApi } from '../app/api-context';

interface StreamState {
  /** requestId → personaId → the text so far. */
  streams: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const useStreamState = create<StreamState>(() => ({ streams: {} }));

/** Requests whose tokens are still taken. */
const open = new Set<string>();
/** How long a closed request's text stays: until the reply that replaces it is on screen, without a blank frame between. */
const KEEP_AFTER_CLOSE_MS = 2000;
let waiting: AnswerToken[] = [];
let frame: number | null = null;

function flush(): void {
  frame = null;
  const tokens = waiting;
  waiting = [];
  useStreamState.setState(({ streams }) => {
    const next = { ...streams };
    for (const { requestId, personaId, text } of tokens) {
      const sofar = next[requestId];
      if (sofar && open.has(requestId)) next[requestId] = { ...sofar, [personaId]: (sofar[personaId] ?? '') + text };
    }
    return { streams: next };
  });
}

function receive(token: AnswerToken): void {
  if (!open.has(token.requestId)) return;
  waiting.push(token);
  frame ??= requestAnimationFrame(flush);
}

export function openStream(requestId: string): void {
  open.add(requestId);
  useStreamState.setState(({ streams }) => ({ streams: { ...streams, [requestId]: {} } }));
}

export function closeStream(requestId: string): void {
  open.delete(requestId);
  setTimeout(() => {
    useStreamState.setState(({ streams }) => {
      const next = { ...streams };
      delete next[requestId];
      return { streams: next };
    });
  }, KEEP_AFTER_CLOSE_MS);
}

/**
 * Listens for tokens while the asking panels are shown. Subscribed before any question, so browser
 * mode's event stream is already open when the first token of an answer is sent.
 */
export function useAnswerTokens(): void {
  const api = useApi();
  useEffect(() => api.on('answer:token', receive), [api]);
}

/** The text of a persona's answer so far, for the request streaming (empty when none is). */
export function useStreamedText(requestId: string | null, personaId: string): string {
  return useStreamState((s) => (requestId ? (s.streams[requestId]?.[personaId] ?? '') : ''));
}
