/** Browser mode's transport: the same bridge as the preload's, over fetch and server-sent events. */
import type { EventChannel, PersonaStudioBridge } from '../../../shared/ipc/types';

export function createWebBridge(token: string): PersonaStudioBridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe = (event: EventChannel) => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
      listeners.get(event)?.forEach((listener) => listener(payload));
    });
  };
  return {
    async invoke(channel, request) {
      const response = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      });
      return response.json();
    },
    on(event, listener) {
      subscribe(event);
      const set = listeners.get(event)!;
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

/** The token from ?token= (then dropped from the address bar) or from this tab's session. */
export function browserModeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('persona-studio-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('persona-studio-token');
}
