import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { publicQuotePath, quoteAnswerable } from '@rapport/shared/quotes/quote.rules';
import { useApi } from './ApiProvider';
import { usePublicPageUrl } from './public-pages';
import { queryKeys } from './query-keys';
import { afterRecordWrite, useChangeRecord, useCreateRecord } from './writes';

// Quotes through the API: a deal's quotes, a new one (or a new version), its changes while a draft, sending it, its PDF,
// and the open quotes of the deals a message is about. A file of its own (not writes.ts): only views that load later use it.

const PAGE_SIZE = 50;

/** Newest first: the latest made on top, whatever was sent when. */
function newestFirst(quotes: readonly Quote[]): Quote[] {
  return [...quotes].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number || b.revision - a.revision);
}

/**
 * A deal's quotes, newest first. Read again whenever they show: the customer opens and answers them on their page,
 * outside the pane.
 */
export function useDealQuotes(dealId: string) {
  const api = useApi();
  const query = { dealId, limit: PAGE_SIZE };
  return useQuery({
    queryKey: queryKeys.list('quote', query),
    queryFn: async () => newestFirst((await api.records('quote').list(query)).items),
    staleTime: 0,
  });
}

/** One quote, shown at once from the list it was opened from, read again when stale (the customer may have answered). */
export function useQuote(id: string, initial?: Quote) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.record('quote', id),
    queryFn: () => api.records('quote').get(id),
    staleTime: 0,
    ...(initial ? { initialData: initial, initialDataUpdatedAt: 0 } : {}),
  });
}

/**
 * A new quote for a deal, drafted by the API from its lines, its customer's language and the tenant's settings; with
 * `revisionOf`, a new version of a sent or declined quote. A retry sends the same idempotency key.
 */
export function useNewQuote() {
  const create = useCreateRecord('quote');
  return {
    ...create,
    make: (dealId: string, revisionOf?: string) => create.mutateAsync({ input: { dealId, ...(revisionOf ? { revisionOf } : {}) } }) as Promise<Quote>,
  };
}

/** A draft's changes at the version read (If-Match): a stale one fails with RECORD.STALE_VERSION and changes nothing. */
export function useChangeQuote() {
  return useChangeRecord('quote');
}

/** Sending a draft: it gets its public page; a second send returns it as it is. The deal's quotes are read again. */
export function useSendQuote() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (quote: Quote) => api.call('sendQuote', { params: { id: quote.id }, body: {} }),
    onSuccess: (sent, quote) => afterRecordWrite(queryClient, 'quote', sent as Quote & Record<string, unknown>, quote as Quote & Record<string, unknown>),
  });
}

/** A quote's PDF, in the customer's language, read through the API with the user's token (once per click). */
export function useQuotePdf() {
  const api = useApi();
  return useMutation({ mutationFn: (quote: Pick<Quote, 'id'>) => api.call('quotePdf', { params: { id: quote.id } }) });
}

/** The full address of a sent quote's page, the link a rep gives the customer. */
export function usePublicQuoteUrl(): (publicKey: string) => string {
  const urlOf = usePublicPageUrl();
  return (publicKey) => urlOf(publicQuotePath(publicKey));
}

/** A quote the customer may still be sent or answer: a draft, or sent, not replaced and still valid (an expired link accepts nothing). */
export function isOpenQuote(quote: Quote, now = new Date()): boolean {
  return quote.status === 'draft' || quoteAnswerable(quote, now);
}

/**
 * The open quotes (drafts and sent ones) of the deals a message is about, newest first: one read of each deal's quotes,
 * kept together under one key (the deals' lists are read again after any quote is written).
 */
export function useOpenQuotesOf(dealIds: readonly string[]) {
  const api = useApi();
  const ids = [...new Set(dealIds)].sort();
  return useQuery({
    queryKey: queryKeys.list('quote', { dealIds: ids }),
    queryFn: async () => {
      const pages = await Promise.all(ids.map((dealId) => api.records('quote').list({ dealId, limit: PAGE_SIZE })));
      return newestFirst(pages.flatMap((page) => page.items).filter((quote) => isOpenQuote(quote)));
    },
    enabled: ids.length > 0,
    staleTime: 0,
  });
}
