import type { QueryClient } from '@tanstack/react-query';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import { MAX_REPORTS_AT_ONCE } from '@rapport/shared/reports/reports-at-once';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { ListQuery, OperationRequest, OperationResponse } from '../api/api-types';
import { ApiError, isApiError } from '../api/api-error';
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
  /**
   * Starts reading reports into the cache, each under the key `useOperation('report')` reads, those with the same
   * filters in one request; a report it refused keeps its own error, as a read of it alone would have, and a request
   * that fails fails each of its reports (an API from before that request: each is read on its own).
   */
  prefetchReports(requests: readonly OperationRequest<'report'>[]): void;
};

export function pageReads(api: ApiClient, queryClient: QueryClient): PageReads {
  return {
    operation: (name, request) => queryClient.fetchQuery({ queryKey: queryKeys.operation(name, request), queryFn: () => api.call(name, request) }),
    prefetchOperation: (name, request) => void queryClient.prefetchQuery({ queryKey: queryKeys.operation(name, request), queryFn: () => api.call(name, request) }),
    prefetchList: (kind, query) => void queryClient.prefetchQuery({ queryKey: queryKeys.list(kind, query), queryFn: () => api.records(kind).list(query) }),
    prefetchReports: (requests) => {
      // Those already in the cache or under way are not asked for again.
      const wanted = requests.filter((request) => queryClient.getQueryState(queryKeys.operation('report', request)) === undefined);
      for (const together of withTheSameFilters(wanted)) {
        const query = together[0]?.query ?? {};
        const answered = api.call('reports', { query: { ...query, names: together.map((request) => request.params.report).join(',') } }).catch((error: unknown) => {
          // An API from before GET /api/reports: each report is read on its own. Any other failure is each report's.
          if (isApiError(error) && (error.code === 'ROUTE.NOT_FOUND' || error.code === 'ROUTE.METHOD_NOT_ALLOWED')) return null;
          throw error;
        });
        for (const request of together) {
          void queryClient.prefetchQuery({
            queryKey: queryKeys.operation('report', request),
            queryFn: async () => {
              const answer = await answered;
              if (!answer) return api.call('report', request);
              const item = answer.items.find((candidate) => candidate.report === request.params.report);
              if (!item) throw new ApiError(0, 'UNKNOWN', `The API did not answer the report ${request.params.report}`);
              if ('result' in item) return item.result;
              throw new ApiError(item.status, item.error.code, item.error.message, item.error.details);
            },
          });
        }
      }
    },
  };
}

/** Reports in groups that one request can read: the same filters, at most MAX_REPORTS_AT_ONCE in each. */
function withTheSameFilters(requests: readonly OperationRequest<'report'>[]): OperationRequest<'report'>[][] {
  const byFilters = new Map<string, OperationRequest<'report'>[]>();
  for (const request of requests) {
    const key = JSON.stringify(Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined).sort());
    byFilters.set(key, [...(byFilters.get(key) ?? []), request]);
  }
  return [...byFilters.values()].flatMap((group) =>
    Array.from({ length: Math.ceil(group.length / MAX_REPORTS_AT_ONCE) }, (_, index) => group.slice(index * MAX_REPORTS_AT_ONCE, (index + 1) * MAX_REPORTS_AT_ONCE)),
  );
}
