import type { ErrorBody, Page } from '@rapport/shared';
import type { OperationName } from '@rapport/shared/contract/api.contract';
import type { RouteEntry } from '@rapport/shared/contract/route-table';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { AuditEntry } from '@rapport/shared/audit/audit.schema';
import type { TimelinePage, WorkCounters } from '@rapport/shared/contract/records.contract';
import { SignInError } from '../auth/sign-in-error';
import { ApiError } from './api-error';
import type {
  ActionBody,
  ActionName,
  ChangeInput,
  CreateInput,
  CreateOptions,
  ListQuery,
  OperationRequest,
  OperationResponse,
  RecordFor,
} from './api-types';
import { routeTable } from './route-table';

/** A request as the route table's entries take it. */
type AnyRequest = { params?: Record<string, string>; query?: object; body?: unknown; version?: number; key?: string };

/** How long a call may take before the pane says so and offers to try again; a file's upload gets longer. */
const TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 600_000;

/** The typed calls of a record kind: its routes from the kind definition. */
export type RecordClient<K extends CrudKind> = {
  list(query?: ListQuery<K>): Promise<Page<RecordFor<K>>>;
  get(id: string): Promise<RecordFor<K>>;
  /** Sending the same `key` again returns the first result instead of creating twice. */
  create(input: CreateInput<K>, key: string, options?: CreateOptions<K>): Promise<RecordFor<K>>;
  /** Refused with RECORD.STALE_VERSION when someone changed the record after `version` was read. */
  update(id: string, changes: ChangeInput<K>, version: number): Promise<RecordFor<K>>;
  remove(id: string, version: number): Promise<void>;
  restore(id: string, version: number): Promise<RecordFor<K>>;
  history(id: string, cursor?: string): Promise<Page<AuditEntry>>;
  /** A page of the record's activities, with the names of what they point at. */
  timeline(id: string, cursor?: string): Promise<TimelinePage>;
  /** Counters of the record's planned work, with the caller's day as `dayStart`–`dayEnd`. */
  work(id: string, day: { dayStart: string; dayEnd: string }): Promise<WorkCounters>;
  act<A extends ActionName<K>>(id: string, action: A, body: ActionBody<K, A>): Promise<RecordFor<K>>;
};

export type ApiClient = {
  /** Where the API is (the web-form snippet posts there). */
  baseUrl: string;
  /**
   * One of the API's operations by name, e.g. `call('lookup', { body: { emails } })`. A Blob body (an upload) is sent as
   * its bytes, and an answer that is not JSON (a document's content) comes back as a Blob.
   */
  call<N extends OperationName>(name: N, request: OperationRequest<N>): Promise<OperationResponse<N>>;
  records<K extends CrudKind>(kind: K): RecordClient<K>;
};

export type ApiClientOptions = { baseUrl: string; getToken: () => Promise<string>; fetch?: typeof fetch };

/** The client of Rapport's API, derived from the contract's route table; every call carries a fresh bearer token. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const send = async (route: RouteEntry, request: AnyRequest): Promise<unknown> => {
    const response = await fetchOrFail(options, route, request);
    if (response.ok && !/json|^$/.test(response.headers.get('content-type') ?? '')) return response.blob();
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiError(response.status, 'UNKNOWN', `The API answered ${response.status} with something other than JSON`);
    }
    if (!response.ok) throw errorOf(response, parsed);
    return parsed;
  };

  const recordClients = new Map<CrudKind, RecordClient<CrudKind>>();
  const recordClient = <K extends CrudKind>(kind: K): RecordClient<K> => {
    const routes = routeTable.records[kind];
    const optional = (route: RouteEntry | undefined, what: string): RouteEntry => {
      if (!route) throw new Error(`A ${kind} has no ${what}`);
      return route;
    };
    const client: RecordClient<CrudKind> = {
      list: (query) => send(routes.list, { query: { limit: 50, ...query } }) as never,
      get: (id) => send(routes.get, { params: { id } }) as never,
      create: (input, key, createOptions) => send(routes.create, { body: input, key, ...(createOptions ? { query: createOptions as object } : {}) }) as never,
      update: (id, changes, version) => send(routes.update, { params: { id }, body: changes, version }) as never,
      remove: (id, version) => send(routes.delete, { params: { id }, version }) as never,
      restore: (id, version) => send(routes.restore, { params: { id }, version }) as never,
      history: (id, cursor) => send(routes.history, { params: { id }, query: { limit: 20, cursor } }) as never,
      timeline: (id, cursor) => send(optional(routes.timeline, 'timeline'), { params: { id }, query: { limit: 20, cursor } }) as never,
      work: (id, day) => send(optional(routes.work, 'planned work'), { params: { id }, query: day }) as never,
      act: (id, action, body) => send(optional(routes.actions[action], `action ${action}`), { params: { id }, body }) as never,
    };
    return client as unknown as RecordClient<K>;
  };

  return {
    baseUrl: options.baseUrl,
    call: (name, request) => send(routeTable.operations[name], request as AnyRequest) as never,
    records: (kind) => {
      let client = recordClients.get(kind);
      if (!client) recordClients.set(kind, (client = recordClient(kind) as unknown as RecordClient<CrudKind>));
      return client as unknown as RecordClient<typeof kind>;
    },
  };
}

/** The route's path with its parameters filled in and its query (empty values left out). */
export function urlOf(route: RouteEntry, request: AnyRequest): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`${route.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, String(one));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

async function fetchOrFail(options: ApiClientOptions, route: RouteEntry, request: AnyRequest): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenOrFail(options)}` };
  // A file's bytes go with the type the browser gives them (the API tells the type by the name and contents anyway).
  const bytes = request.body instanceof Blob;
  if (request.body !== undefined && !bytes) headers['content-type'] = 'application/json';
  if (route.ifMatch && request.version !== undefined) headers['if-match'] = `"${request.version}"`;
  if (route.idempotent && request.key) headers['idempotency-key'] = request.key;
  try {
    return await (options.fetch ?? fetch)(`${options.baseUrl}${urlOf(route, request)}`, {
      method: route.method,
      headers,
      ...(request.body !== undefined ? { body: bytes ? (request.body as Blob) : JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(bytes ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS),
    });
  } catch (caught) {
    // fetch rejects only when no answer came: offline, refused, or the time ran out.
    const timedOut = caught instanceof DOMException && caught.name === 'TimeoutError';
    throw new ApiError(0, timedOut ? 'TIMEOUT' : 'NETWORK', caught instanceof Error ? caught.message : String(caught));
  }
}

async function tokenOrFail(options: ApiClientOptions): Promise<string> {
  try {
    return await options.getToken();
  } catch (caught) {
    if (caught instanceof SignInError) throw caught;
    // The token issuer could not be reached either: the same as the API being unreachable.
    throw caught instanceof TypeError ? new ApiError(0, 'NETWORK', caught.message) : new SignInError('SIGN_IN_FAILED', caught instanceof Error ? caught.message : String(caught));
  }
}

function errorOf(response: Response, parsed: unknown): ApiError {
  const error = (parsed as ErrorBody | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    error?.code ?? 'UNKNOWN',
    error?.message ?? response.statusText,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
