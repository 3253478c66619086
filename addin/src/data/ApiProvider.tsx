import { createContext, useContext, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { CalendarLoader } from './calendar';

const ApiContext = createContext<ApiClient | null>(null);
const CalendarLoaderContext = createContext<CalendarLoader | null>(null);

/**
 * Gives every component below the API's client and the pane's query cache, and the loader of Outlook's calendar
 * (Graph) where there is one: the mailbox's time zone and working hours come through it.
 */
export function ApiProvider({ client, queryClient, loadCalendar, children }: { client: ApiClient; queryClient: QueryClient; loadCalendar?: CalendarLoader; children: ReactNode }) {
  return (
    <ApiContext.Provider value={client}>
      <CalendarLoaderContext.Provider value={loadCalendar ?? null}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </CalendarLoaderContext.Provider>
    </ApiContext.Provider>
  );
}

/** The API's client. Components read through the hooks in queries.ts and write through writes.ts; this is for those. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it');
  return client;
}

/** The Graph calendar's loader; null where there is none (tests, pages without Outlook): then the browser's zone is used. */
export function useCalendarLoader(): CalendarLoader | null {
  return useContext(CalendarLoaderContext);
}
