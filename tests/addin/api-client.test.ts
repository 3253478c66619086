import { apiContract, crudKinds, publicOperations, routeTable } from '@rapport/shared';
import { createApiClient, urlOf } from '../../addin/src/api/client';
import { ApiError } from '../../addin/src/api/api-error';
import { createQueryClient } from '../../addin/src/data/query-client';

type Sent = { url: string; method: string; headers: Record<string, string>; body?: unknown };

function fakeFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const request: Sent = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      ...(init.body ? { body: JSON.parse(String(init.body)) as unknown } : {}),
    };
    sent.push(request);
    return answer(request);
  }) as unknown as typeof globalThis.fetch;
  return { sent, fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe("the pane's API client, derived from the contract", () => {
  it('has every route of the contract but the public pages in its table, with the method and path the API serves', () => {
    const entries = [
      ...Object.values(routeTable.operations),
      ...Object.values(routeTable.records).flatMap((routes) => [
        routes.list,
        routes.create,
        routes.get,
        routes.update,
        routes.delete,
        routes.history,
        routes.restore,
        ...(routes.timeline ? [routes.timeline] : []),
        ...(routes.work ? [routes.work] : []),
        ...Object.values(routes.actions),
      ]),
    ];
    // The public pages are the customers' browsers', not the pane's.
    const publicRoutes = new Set<unknown>(Object.values(publicOperations));
    const served = apiContract.filter((route) => !publicRoutes.has(route)).map((route) => `${route.method} ${route.path}`).sort();
    expect(entries.map((entry) => `${entry.method} ${entry.path}`).sort()).toEqual(served);
    expect(Object.keys(routeTable.records).sort()).toEqual([...crudKinds].sort());
  });

  it('fills path parameters and leaves empty query values out', () => {
    expect(urlOf({ method: 'GET', path: '/api/contacts/{id}/timeline' }, { params: { id: 'a/b c' }, query: { limit: 20, cursor: undefined, q: '' } })).toBe(
      '/api/contacts/a%2Fb%20c/timeline?limit=20',
    );
  });

  it("sends a record's change with If-Match and a create with its idempotency key", async () => {
    const { sent, fetch } = fakeFetch(() => json(200, { id: 'c1', version: 4 }));
    const api = createApiClient({ baseUrl: 'https://api.test', getToken: async () => 'token-1', fetch });
    await api.records('contact').update('c1', { title: 'CFO' }, 3);
    await api.records('activity').create({ kind: 'note', subject: 'Called', occurredAt: '2026-11-20T10:00:00Z' } as never, 'key-1');
    expect(sent[0]).toMatchObject({
      url: 'https://api.test/api/contacts/c1',
      method: 'PATCH',
      headers: { authorization: 'Bearer token-1', 'if-match': '"3"', 'content-type': 'application/json' },
      body: { title: 'CFO' },
    });
    expect(sent[1]).toMatchObject({ url: 'https://api.test/api/activities', method: 'POST', headers: { 'idempotency-key': 'key-1' } });
  });

  it("calls an operation by name with its query, and a kind's action by name", async () => {
    const { sent, fetch } = fakeFetch(() => json(200, {}));
    const api = createApiClient({ baseUrl: '', getToken: async () => 't', fetch });
    await api.call('search', { query: { q: 'ana', limit: 20 } });
    await api.call('lookup', { body: { emails: ['a@b.com'] } });
    await api.records('tip').act('t1', 'upvote', {} as never);
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/search?q=ana&limit=20', 'POST /api/lookup', 'POST /api/tips/t1/upvote']);
  });

  it("turns the API's error body into an ApiError with its typed code, details and retry time", async () => {
    const { fetch } = fakeFetch(() =>
      json(412, { error: { code: 'RECORD.STALE_VERSION', message: 'Changed by someone else', details: { kind: 'contact' } } }, { 'retry-after': '5' }),
    );
    const api = createApiClient({ baseUrl: '', getToken: async () => 't', fetch });
    const failure = await api.records('contact').update('c1', {}, 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 412, code: 'RECORD.STALE_VERSION', kind: 'contact', retryAfterSeconds: 5, transient: false });
  });

  it('says NETWORK when nothing answered, so the pane can offer Retry', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ baseUrl: '', getToken: async () => 't', fetch });
    await expect(api.call('me', {})).rejects.toMatchObject({ status: 0, code: 'NETWORK', transient: true });
  });

  it('says UNKNOWN for an answer that is not JSON (a proxy page), never throwing a SyntaxError', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const api = createApiClient({ baseUrl: '', getToken: async () => 't', fetch });
    await expect(api.call('me', {})).rejects.toMatchObject({ status: 502, code: 'UNKNOWN' });
  });

  it('is typed by the contract: a wrong body or a missing version does not compile', () => {
    const api = createApiClient({ baseUrl: '', getToken: async () => 't', fetch: (async () => json(200, {})) as unknown as typeof fetch });
    const typeChecks = () => {
      // @ts-expect-error lookup takes `emails`, not `email`
      void api.call('lookup', { body: { email: 'a@b.com' } });
      // @ts-expect-error a change needs the version it read
      void api.records('deal').update('d1', { name: 'x' });
      // @ts-expect-error contacts have no action `pin`
      void api.records('contact').act('c1', 'pin', {});
    };
    expect(typeof typeChecks).toBe('function');
  });
});

describe("the pane's query cache", () => {
  it('sends a read again by itself only when Rapport could not be reached, never when the API answered', async () => {
    const queryClient = createQueryClient();
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw new ApiError(0, 'NETWORK', 'Failed to fetch');
      return 'read';
    };
    await expect(queryClient.fetchQuery({ queryKey: ['flaky'], queryFn: flaky })).resolves.toBe('read');
    expect(calls).toBe(3);

    let refused = 0;
    const failing = async () => {
      refused++;
      throw new ApiError(500, 'INTERNAL', 'Broken');
    };
    await expect(queryClient.fetchQuery({ queryKey: ['refused'], queryFn: failing })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(refused).toBe(1);
    queryClient.clear();
  });
});
