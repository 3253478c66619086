import type { QueryClient } from '@tanstack/react-query';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { ListQuery, OperationRequest, OperationResponse } from '../api/api-types';
import type { ApiClient } from '../api/client';
import { queryKeys } from './query-keys';

/**
 * Reads a page starts before it renders, into the cache its components read from (under the keys `useOperation` and
 * `useRecordList` use), so that they are under way while the page's first render runs, not after it.
 */
export type PageReads = {
  /** Reads an operation into the cache, and gives its answer. */
  operation<N extends OperationName>(name: N, request: OperationRequest<N>): Promise<OperationResponse<N>>;
  /** Starts reading an operation into the cache, unless it is there or under way. */
  prefetchOperation<N extends OperationName>(name: N, request: OperationRequest<N>): void;
  /** Starts reading a page of a kind's records into the cache, unless it is there or under way. */
  prefetchList<K extends CrudKind>(kind: K, query: ListQuery<K>): void;
};

export function pageReads(api: ApiClient, queryClient: QueryClient): PageReads {
  return {
    operation: (name, request) => queryClient.fetchQuery({ queryKey: queryKeys.operation(name, request), queryFn: () => api.call(name, request) }),
    prefetchOperation: (name, request) => void queryClient.prefetchQuery({ queryKey: queryKeys.operation(name, request), queryFn: () => api.call(name, request) }),
    prefetchList: (kind, query) => void queryClient.prefetchQuery({ queryKey: queryKeys.list(kind, query), queryFn: () => api.records(kind).list(query) }),
  };
}
