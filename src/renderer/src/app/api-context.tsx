/** The API client, given once at the root (main.tsx): every component below it reaches the core through useApi(). */
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './api-client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  // main.tsx renders the app only inside an ApiProvider: without one this is a programming error, not a state to show.
  if (!client) throw new Error('useApi() was called outside <ApiProvider>');
  return client;
}
