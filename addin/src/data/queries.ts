import { useEffect } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '@rapport/shared';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import type { TimelinePage } from '@rapport/shared/contract/records.contract';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { ListQuery, OperationRequest, OperationResponse, RecordFor } from '../api/api-types';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/** One record by id; `initial` (from a list or the lookup) shows at once and is read again only when stale. */
export function useRecord<K extends CrudKind>(kind: K, id: string | null | undefined, options: { initial?: RecordFor<K> } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.record(kind, id ?? ''),
    queryFn: () => api.records(kind).get(id ?? ''),
    enabled: Boolean(id),
    ...(options.initial ? { initialData: options.initial, initialDataUpdatedAt: Date.now() } : {}),
  });
}

/** A page of a kind's records, e.g. a company's cases with `{ companyId }`. */
export function useRecordList<K extends CrudKind>(kind: K, query: ListQuery<K> = {}, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.list(kind, query), queryFn: () => api.records(kind).list(query), enabled: options.enabled ?? true });
}

type Paged<T> = { items: T[]; hasMore: boolean; loadMore: () => void; loadingMore: boolean };

function pagesOf<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/**
 * A record's timeline, newest first, a page at a time. `latest` (the lookup's newest entries) shows at once: as the
 * whole timeline when `complete` (nothing is read), else only until the first page arrives.
 */
export function useTimeline(kind: CrudKind, id: string, options: { latest?: { items: Activity[]; complete: boolean; related?: RelatedNames | undefined } } = {}) {
  const api = useApi();
  const seed: InfiniteData<TimelinePage, string | undefined> | undefined = options.latest && {
    pages: [{ items: options.latest.items, nextCursor: null, related: options.latest.related }],
    pageParams: [undefined],
  };
  const complete = options.latest?.complete === true;
  const query = useInfiniteQuery({
    queryKey: queryKeys.timeline(kind, id),
    queryFn: ({ pageParam }) => api.records(kind).timeline(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: complete ? seed : undefined,
    initialDataUpdatedAt: complete ? Date.now() : undefined,
    placeholderData: complete ? undefined : seed,
  });
  // The lookup, read again, may bring an entry the kept timeline lacks (an e-mail a job logged since): read it again.
  const queryClient = useQueryClient();
  const newestId = options.latest?.items[0]?.id;
  const newestVersion = options.latest?.items[0]?.version;
  useEffect(() => {
    if (!newestId) return;
    const kept = queryClient.getQueryData<InfiniteData<TimelinePage, string | undefined>>(queryKeys.timeline(kind, id));
    const first = kept?.pages[0]?.items ?? [];
    if (kept && !first.some((item) => item.id === newestId && item.version === newestVersion)) void queryClient.invalidateQueries({ queryKey: queryKeys.timeline(kind, id) });
  }, [queryClient, kind, id, newestId, newestVersion]);
  return { ...query, ...more(query), related: relatedOf(query.data?.pages ?? []) };
}

/** The names every page brought, together (a server of the previous release brings none). */
function relatedOf(pages: readonly { related?: RelatedNames | undefined }[]): RelatedNames {
  const names: RelatedNames = {};
  for (const { related } of pages) for (const [kind, byId] of Object.entries(related ?? {}) as [keyof RelatedNames, Record<string, string>][]) names[kind] = { ...names[kind], ...byId };
  return names;
}

/** Who changed what in a record, newest first, a page at a time. */
export function useHistory(kind: CrudKind, id: string) {
  const api = useApi();
  const query = useInfiniteQuery({
    queryKey: queryKeys.history(kind, id),
    queryFn: ({ pageParam }) => api.records(kind).history(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, ...more(query) };
}

function more<T>(query: {
  data: InfiniteData<Page<T>> | undefined;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  isFetchingNextPage: boolean;
}): Paged<T> {
  return {
    items: pagesOf(query.data),
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
  };
}

/** Counters of a record's planned work in the caller's day. */
export function useWork(kind: CrudKind, id: string, day: { dayStart: string; dayEnd: string }) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.work(kind, id, day), queryFn: () => api.records(kind).work(id, day) });
}

/**
 * A read of one of the API's operations (lookup, search, my day, a report…), cached by its request: the same request
 * anywhere in the pane is sent once.
 */
export function useOperation<N extends OperationName>(
  name: N,
  request: OperationRequest<N>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const api = useApi();
  return useQuery<OperationResponse<N>>({
    queryKey: queryKeys.operation(name, request),
    queryFn: () => api.call(name, request),
    enabled: options.enabled ?? true,
    // A new search or filter keeps the last answer on screen until its own arrives.
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
