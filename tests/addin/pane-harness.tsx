import { configure, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ErrorCode } from '@rapport/shared';
import type { Role } from '@rapport/shared/members/roles';
import { createApiClient, type ApiClient } from '../../addin/src/api/client';
import { ApiProvider } from '../../addin/src/data/ApiProvider';
import type { CalendarLoader } from '../../addin/src/data/calendar';
import { createQueryClient } from '../../addin/src/data/query-client';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { I18nProvider } from '../../addin/src/i18n/I18nContext';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
import type { InProcessApi } from './in-process-api';

// The pane's views are long and CI runs the browser suites beside these: a query waits up to 5 s for what the user
// would see (a second on an idle machine), so a loaded machine is not read as a failure.
configure({ asyncUtilTimeout: 5000 });

/** A request the component's client sent, as the fake API read it. */
export type SentRequest = {
  method: string;
  path: string;
  /** The route pattern it matched, e.g. `PATCH /api/contacts/{id}`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
};

/** What a fake route answers: a body (200), or `answer(status, body)`, or an API error by `fail(...)`. */
export type FakeRoute = (request: SentRequest) => unknown;

class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
export const answer = (status: number, body?: unknown) => new Answer(status, body);
export const fail = (status: number, code: ErrorCode, details?: unknown) => new Answer(status, { error: { code, message: `(English for ${code})`, details } });
/** The API cannot be reached: fetch rejects, as a browser's does offline. */
export const unreachable = () => {
  throw new TypeError('Failed to fetch');
};

/**
 * The real client over a fake API: routes are keyed `METHOD /api/path/{param}` as the contract names them. Every request
 * is recorded; a request to a route with no fake fails the test with its name.
 */
export function fakeApi(routes: Record<string, FakeRoute>): { api: ApiClient; sent: SentRequest[]; sentTo: (route: string) => SentRequest[] } {
  const sent: SentRequest[] = [];
  const patterns = Object.keys(routes).map((route) => {
    const [method, path] = route.split(' ') as [string, string];
    const names: string[] = [];
    const regex = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { route, method, regex, names };
  });
  const fetch = (async (url: string, init: RequestInit = {}) => {
    const parsed = new URL(url, 'http://pane.test');
    const method = init.method ?? 'GET';
    const match = patterns.find((pattern) => pattern.method === method && pattern.regex.test(parsed.pathname));
    if (!match) throw new Error(`The fake API has no route for ${method} ${parsed.pathname}`);
    const values = match.regex.exec(parsed.pathname)?.slice(1) ?? [];
    const request: SentRequest = {
      method,
      path: parsed.pathname,
      route: match.route,
      params: Object.fromEntries(match.names.map((name, index) => [name, decodeURIComponent(values[index] ?? '')])),
      query: Object.fromEntries(parsed.searchParams),
      body: init.body ? (JSON.parse(String(init.body)) as unknown) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    sent.push(request);
    const result = await (routes[match.route] as FakeRoute)(request);
    const { status, body } = result instanceof Answer ? result : new Answer(200, result);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  const api = createApiClient({ baseUrl: '', getToken: async () => 'token', fetch });
  return { api, sent, sentTo: (route) => sent.filter((request) => request.route === route) };
}

/** Renders a piece of the pane as it runs: Fluent, the user's language, the API client and a fresh query cache. */
export function renderInPane(ui: ReactNode, options: { api: ApiClient; language?: string; networkRetries?: number; loadCalendar?: CalendarLoader }) {
  // No automatic retries unless a test is about them: a failure shows at once, with its Retry.
  const queryClient = createQueryClient({ networkRetries: options.networkRetries ?? 0 });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translatorFor(options.language ?? 'en-US')}>
        <ApiProvider client={options.api} queryClient={queryClient} {...(options.loadCalendar ? { loadCalendar: options.loadCalendar } : {})}>
          {ui}
        </ApiProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...view, queryClient };
}

/** What the pane's record navigation has open ("case:k1", "contact:c1#satisfaction"), as the record view would show it. */
export function OpenedRecord() {
  const { current } = useRecordNavigation();
  return <output aria-label="open record">{current ? `${current.kind}:${current.id}${current.section ? `#${current.section}` : ''}` : 'none'}</output>;
}

/**
 * A tenant's members over the real API (startInProcessApi): their tokens (named, so that members are known by name),
 * their calls, and a piece of the pane rendered as one of them, who they are known (MeProvider) and what they open shown
 * by OpenedRecord. `tenant` is read at each call: a test file gives each test a tenant of its own.
 */
export function membersOf(api: () => Pick<InProcessApi, 'app' | 'server'>, options: { tenant: () => string; names: Record<string, string> }) {
  const tokenOf = (userId: string, role: Role) => api().app.issuer.issue({ tenantId: options.tenant(), userId, roles: [role], name: options.names[userId] ?? userId });
  const call = async <T,>(userId: string, role: Role, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${api().server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(userId, role)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const render = (ui: ReactNode, as: { userId: string; role: Role }, language?: string) => {
    const client = createApiClient({ baseUrl: api().server.url, getToken: () => tokenOf(as.userId, as.role), fetch });
    return renderInPane(
      <MeProvider>
        <RecordNavigationProvider>
          {ui}
          <OpenedRecord />
        </RecordNavigationProvider>
      </MeProvider>,
      { api: client, ...(language ? { language } : {}) },
    );
  };
  return { tokenOf, call, render };
}
