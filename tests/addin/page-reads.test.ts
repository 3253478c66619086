import type { QueryClient } from '@tanstack/react-query';
import { MAX_REPORTS_AT_ONCE } from '@rapport/shared/reports/reports-at-once';
import type { OperationRequest } from '../../addin/src/api/api-types';
import { ApiError, isApiError } from '../../addin/src/api/api-error';
import type { ApiClient } from '../../addin/src/api/client';
import { pageReads } from '../../addin/src/data/page-reads';
import { createQueryClient } from '../../addin/src/data/query-client';
import { queryKeys } from '../../addin/src/data/query-keys';

type Call = { name: string; request: { params?: Record<string, string>; query?: Record<string, string | undefined> } };
type ReportRequest = OperationRequest<'report'>;

const period = { from: '2026-01', to: '2026-12' };
const reportOf = (name: string) => ({ report: name, rows: [] });
const requestFor = (report: string, query: Record<string, string> = period) => ({ params: { report }, query }) as ReportRequest;

/** An API that answers GET /api/reports with each named report (or `refuse`'s error), and a report alone likewise. */
function fakeApi(options: { refuse?: Record<string, { status: number; code: string }>; together?: () => never } = {}) {
  const calls: Call[] = [];
  const api = {
    baseUrl: 'http://api.test',
    call: async (name: string, request: Call['request']) => {
      calls.push({ name, request });
      if (name === 'reports') {
        if (options.together) options.together();
        const names = (request.query?.names ?? '').split(',');
        return {
          items: names.map((report) => {
            const refusal = options.refuse?.[report];
            return refusal ? { report, status: refusal.status, error: { code: refusal.code, message: `no ${report}` } } : { report, status: 200, result: reportOf(report) };
          }),
        };
      }
      if (name === 'report') return reportOf(request.params?.report ?? '');
      throw new Error(`unexpected ${name}`);
    },
    records: () => {
      throw new Error('no records here');
    },
  } as unknown as ApiClient;
  return { api, calls };
}

async function settled(queryClient: QueryClient): Promise<void> {
  for (let turn = 0; turn < 50 && queryClient.isFetching() > 0; turn++) await new Promise((resolve) => setTimeout(resolve, 1));
}

const stateOf = (queryClient: QueryClient, request: ReportRequest) => queryClient.getQueryState(queryKeys.operation('report', request));

// Each test's caches, emptied after it so that their collection timers keep nothing running.
const clients: QueryClient[] = [];
const client = () => {
  const queryClient = createQueryClient({ networkRetries: 0 });
  clients.push(queryClient);
  return queryClient;
};

describe("a page's reports read ahead together", () => {
  afterEach(() => {
    for (const queryClient of clients.splice(0)) queryClient.clear();
  });

  it('reads the reports with the same filters in one request, each into its own entry, a refused one with its error', async () => {
    const { api, calls } = fakeApi({ refuse: { 'data-quality': { status: 403, code: 'AUTH.ROLE_REQUIRED' } } });
    const queryClient = client();
    const requests = ['pipeline', 'forecast', 'data-quality'].map((report) => requestFor(report));
    pageReads(api, queryClient).prefetchReports(requests);
    await settled(queryClient);
    expect(calls).toEqual([{ name: 'reports', request: { query: { ...period, names: 'pipeline,forecast,data-quality' } } }]);
    expect(stateOf(queryClient, requests[0]!)?.data).toEqual(reportOf('pipeline'));
    expect(stateOf(queryClient, requests[1]!)?.data).toEqual(reportOf('forecast'));
    const refused = stateOf(queryClient, requests[2]!)?.error;
    expect(isApiError(refused) && [refused.status, refused.code, refused.message]).toEqual([403, 'AUTH.ROLE_REQUIRED', 'no data-quality']);

    // Asked again (the same tab read twice): nothing is read again.
    pageReads(api, queryClient).prefetchReports(requests);
    await settled(queryClient);
    expect(calls).toHaveLength(1);
  });

  it('reads other filters in a request of their own, and at most MAX_REPORTS_AT_ONCE in each', async () => {
    const { api, calls } = fakeApi();
    const queryClient = client();
    const many = Array.from({ length: MAX_REPORTS_AT_ONCE + 3 }, (_, index) => requestFor(`report-${index}`));
    pageReads(api, queryClient).prefetchReports([...many, requestFor('pipeline', { ...period, team: 'West' })]);
    await settled(queryClient);
    expect(calls.map((call) => [call.request.query?.team, call.request.query?.names?.split(',').length])).toEqual([
      [undefined, MAX_REPORTS_AT_ONCE],
      [undefined, 3],
      ['West', 1],
    ]);
    expect(many.every((request) => stateOf(queryClient, request)?.status === 'success')).toBe(true);
  });

  it('reads each report alone from an API without the request, and fails each with the request when it fails', async () => {
    const older = fakeApi({
      together: () => {
        throw new ApiError(404, 'ROUTE.NOT_FOUND', 'There is no /api/reports in this API.');
      },
    });
    const queryClient = client();
    const requests = [requestFor('pipeline'), requestFor('forecast')];
    pageReads(older.api, queryClient).prefetchReports(requests);
    await settled(queryClient);
    expect(older.calls.map((call) => call.name)).toEqual(['reports', 'report', 'report']);
    expect(requests.map((request) => stateOf(queryClient, request)?.data)).toEqual([reportOf('pipeline'), reportOf('forecast')]);

    const busy = fakeApi({
      together: () => {
        throw new ApiError(503, 'SERVICE.UNAVAILABLE', 'Try again in a minute.', undefined, 60);
      },
    });
    const another = client();
    pageReads(busy.api, another).prefetchReports(requests);
    await settled(another);
    // Not seventeen requests more at the moment the API asked for fewer: each report has the request's error.
    expect(busy.calls.map((call) => call.name)).toEqual(['reports']);
    expect(requests.map((request) => (stateOf(another, request)?.error as ApiError | undefined)?.code)).toEqual(['SERVICE.UNAVAILABLE', 'SERVICE.UNAVAILABLE']);
  });
});
