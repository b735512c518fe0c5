import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import './app/app.css';
import { createApiClient, findBridge } from './app/api-client';
import { ApiProvider } from './app/api-context';
import { App } from './app/App';
import { NoEngine } from './app/NoEngine';
import { createQueryClient } from './app/query-client';

const bridge = findBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {bridge ? (
      <ApiProvider client={createApiClient(bridge)}>
        <QueryClientProvider client={createQueryClient()}>
          <App />
        </QueryClientProvider>
      </ApiProvider>
    ) : (
      <NoEngine />
    )}
  </StrictMode>,
);
