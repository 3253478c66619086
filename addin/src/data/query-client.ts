import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';

/** How many times a read is sent again when Rapport could not be reached (never when the API answered). */
const NETWORK_RETRIES = 2;

/**
 * The pane's one cache of API answers. Data read once is reused while the rep moves between views and items
 * (no request twice for the same data); writes say what they changed (writes.ts) and only that is read again.
 */
export function createQueryClient(options: { networkRetries?: number } = {}): QueryClient {
  const networkRetries = options.networkRetries ?? NETWORK_RETRIES;
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 15 * 60_000,
        // A pane is focused and left all day: it reads again when a write says so, or when the rep asks.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failures, error) => isApiError(error) && error.code === 'NETWORK' && failures < networkRetries,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
      },
      // A write is sent again only when the rep presses Retry, with the same idempotency key.
      mutations: { retry: false },
    },
  });
}
