import { createContext, useContext, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';

const ApiContext = createContext<ApiClient | null>(null);

/** Gives every component below the API's client and the pane's query cache. */
export function ApiProvider({ client, queryClient, children }: { client: ApiClient; queryClient: QueryClient; children: ReactNode }) {
  return (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

/** The API's client. Components read through the hooks in queries.ts and write through writes.ts; this is for those. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it');
  return client;
}
