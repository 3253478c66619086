import type { GraphScope } from '@rapport/shared';
import { FaultPlan } from '../../functions/src/local/calendar/faults';
import { answerGraph, graphError, type GraphResponse } from '../../functions/src/local/calendar/graph-api';
import { LocalCalendar } from '../../functions/src/local/calendar/local-calendar';
import { calendarApi, type CalendarApi } from '../../addin/src/graph/calendar';
import { createGraphClient } from '../../addin/src/graph/graph-client';

// The local calendar stand-in for the pane's jsdom tests: the real Graph client and calendar module, and the stand-in's
// answers (graph-api.ts, the code the local calendar service runs), with fetch handing each request to it in-process.
// local-calendar.ts runs the same over https with real tokens, in Node; jsdom can run neither undici nor jose's keys.

export const ME = 'avery.quinn@rapport-demo.com';
const ALL_SCOPES: GraphScope[] = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read'];

export type InProcessCalendar = {
  calendar: LocalCalendar;
  /** Failures to answer with (outages, refusals), as the service's own FaultPlan. */
  faults: FaultPlan;
  /** The calls answered so far, in order: `POST /me/findMeetingTimes 200`. */
  calls: string[];
  /** The pane's calendar module over the real Graph client. */
  api: CalendarApi;
  /** Takes the in-process fetch away again (it stands in for jsdom's, which has none, from the start). */
  restore(): void;
};

/**
 * The rep (Avery, Madrid, 09:00–17:00 Monday to Friday) and whoever a test adds, answering as Graph would at `now`.
 * From the call on, fetch is the stand-in's: call `restore` after the test.
 */
export function inProcessCalendar(now: () => Date): InProcessCalendar {
  const calendar = new LocalCalendar(now);
  calendar.addMailbox({ address: ME, name: 'Avery Quinn', timeZone: 'Europe/Madrid', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
  const faults = new FaultPlan();
  const calls: string[] = [];
  const previous = (globalThis as { fetch?: unknown }).fetch;

  const fetch = async (input: string | { url: string }, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
    const fault = faults.take(method, path);
    const response: GraphResponse = fault
      ? graphError(fault.status, fault.status === 503 ? 'ServiceNotAvailable' : 'ErrorAccessDenied', 'The service failed to answer.')
      : (answerGraph(
          calendar,
          {
            method,
            path,
            query: url.searchParams,
            headers: { get: (name: string) => headers[name.toLowerCase()] ?? null } as unknown as Headers,
            body: typeof init.body === 'string' && init.body.length > 0 ? (JSON.parse(init.body) as unknown) : undefined,
            caller: { address: ME, scopes: ALL_SCOPES },
          },
          now,
        ) ?? graphError(404, 'ResourceNotFound', `Resource not found for the segment '${path}'.`));
    calls.push(`${method} ${path} ${response.status}`);
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status,
      headers: { ...(response.body === undefined ? {} : { 'content-type': 'application/json' }), ...response.headers },
    });
  };

  // In place before the client is made: the Graph client checks that there is a fetch.
  Object.defineProperty(globalThis, 'fetch', { value: fetch, configurable: true, writable: true });
  const client = createGraphClient({ baseUrl: 'https://calendar.local.test', getToken: async () => 'in-process', retry: { delaySeconds: 0.01, maxRetries: 1 } });
  return {
    calendar,
    faults,
    calls,
    api: calendarApi(client),
    restore: () => Object.defineProperty(globalThis, 'fetch', { value: previous, configurable: true, writable: true }),
  };
}
