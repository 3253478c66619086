import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import type { OperationRequest } from '../api/api-types';
import type { MailItem } from '../office/mail-item';
import { useOperation } from './queries';
import { queryKeys } from './query-keys';

/** The lookup of an item's participants: their addresses, and the message id that finds what it was logged to. */
export function lookupRequest(item: MailItem): OperationRequest<'lookup'> {
  return {
    body: {
      emails: item.participants.map((participant) => participant.email),
      ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
    },
  };
}

/** The CRM context of the item's participants, in one call, cached per item (switching back reads nothing again). */
export function useLookup(item: MailItem | null) {
  const request = item ? lookupRequest(item) : { body: { emails: [] } };
  // A draft's recipients change as the rep types: the card of those already known stays until the new answer comes.
  return useOperation('lookup', request, { enabled: Boolean(item && item.participants.length > 0), keepPrevious: item?.mode === 'message-compose' });
}

/** Starts the first item's lookup before the pane renders, into the same cache entry `useLookup` reads. */
export function prefetchLookup(queryClient: QueryClient, api: ApiClient, item: MailItem): void {
  const request = lookupRequest(item);
  void queryClient.prefetchQuery({ queryKey: queryKeys.operation('lookup', request), queryFn: () => api.call('lookup', request) });
}
