import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { Database } from '@azure/cosmos';
import type { CrudKind, RecordOf, Role } from '@rapport/shared';
import type { App } from '../../functions/src/app';
import { createLocalApp } from '../../functions/src/local/local-mode';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadConfig } from '../../functions/src/config';
import type { AppGraph } from '../../functions/src/graph/app-graph';
import { freshCosmosStore, stopLocalCosmos } from './local-cosmos';
import { azuriteFileStore, stopAzurite } from './azurite';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalIssuer } from '../../functions/src/local/local-issuer';
import type { Clock } from '../../functions/src/services/records.service';
import type { Job } from '../../functions/src/jobs/job';

export const TENANT_A = 'tenant-a';
export const TENANT_B = 'tenant-b';
export const USER_A = 'user-a';
export const USER_B = 'user-b';

let sharedIssuer: Promise<LocalIssuer> | undefined;

/** The local issuer every test app of this process shares (a Graph stand-in that trusts it trusts their tokens). */
export function testIssuer(): Promise<LocalIssuer> {
  sharedIssuer ??= LocalIssuer.create(LOCAL_ISSUER, LOCAL_AUDIENCE);
  return sharedIssuer;
}


export type CallOptions = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A body of raw bytes (a document's upload) instead of JSON. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** A bearer token; defaults to tenant A's user. `null` sends none. */
  token?: string | null;
  /** Another method than the route's: HEAD for a GET that answers it. */
  method?: string;
};

export type CallResult = {
  status: number;
  body: any;
  headers: Headers;
  /** A body that is not JSON (an HTML page). */
  text?: string;
  /** A streamed body (a document's bytes), read whole. */
  bytes?: Buffer;
};

export type TestApp = {
  app: App;
  dataDir: string;
  /** On Cosmos DB: the database as stored, for tests that play older releases or crashes. */
  cosmosDatabase: Database | null;
  /**
   * A token of the local issuer; `roles: []` leaves the role to the tenant's member records, `name` names a new member,
   * `email` is the address they sign in with.
   */
  token(tenantId?: string, userId?: string, roles?: Role[], name?: string, email?: string): Promise<string>;
  /** Calls a route's handler directly with a real HttpRequest and InvocationContext. */
  call(routeName: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
};

/** The store adapters the API suites run on. */
export const testStores = ['sqlite', 'cosmos'] as const;
export type TestStore = (typeof testStores)[number];

afterAll(async () => {
  await stopLocalCosmos();
  await stopAzurite();
});

export async function createTestApp(
  options: {
    now?: Clock;
    dataDir?: string;
    store?: TestStore;
    env?: Record<string, string>;
    issuer?: LocalIssuer;
    roles?: Role[];
    jobs?: readonly Job[];
    /** Graph as the application: `startGraphStandIn(...).graph()` (graph-stand-in.ts) for one that talks to the stand-in. */
    graph?: AppGraph;
    /** Where documents' bytes go: the data directory (default), or a fresh container of this process's Azurite. */
    files?: 'directory' | 'blob';
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  // Suites that fire thousands of writes are not about the rate limit; rate-limit tests set their own.
  const config = loadConfig({
    RAPPORT_DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    WRITE_LIMIT_PER_MINUTE: '1000000',
    TENANT_WRITE_LIMIT_PER_MINUTE: '10000000',
    WEB_FORM_LIMIT_PER_MINUTE: '1000000',
    WEB_FORM_TOTAL_LIMIT_PER_MINUTE: '10000000',
    PUBLIC_PAGE_LIMIT_PER_MINUTE: '1000000',
    PUBLIC_PAGE_TOTAL_LIMIT_PER_MINUTE: '10000000',
    TRACKED_LINK_LIMIT_PER_MINUTE: '1000000',
    TRACKED_LINK_TOTAL_LIMIT_PER_MINUTE: '10000000',
    // Each click written before its redirect answers, so a test reads the cells right after (click-counter.ts).
    CLICK_FLUSH_MS: '0',
    ...options.env,
  });
  // One issuer per test process: generating an RSA key pair for every test would dominate the run.
  const cosmos = options.store === 'cosmos' ? await freshCosmosStore() : null;
  const files = options.files === 'blob' ? (await azuriteFileStore()).files : undefined;
  const app = await createLocalApp(config, {
    issuer: options.issuer ?? (await testIssuer()),
    ...(options.now ? { now: options.now } : {}),
    ...(cosmos ? { store: cosmos.store } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.graph ? { graph: options.graph } : {}),
    ...(files ? { files } : {}),
  });
  const { issuer } = app;
  const token = (tenantId = TENANT_A, userId = USER_A, roles: Role[] = ['rep'], name?: string, email?: string) =>
    issuer.issue({ tenantId, userId, roles, ...(name ? { name } : {}), ...(email ? { email } : {}) });
  const defaultToken = await token(TENANT_A, USER_A, options.roles ?? ['rep']);

  const call = async (routeName: string, callOptions: CallOptions = {}): Promise<CallResult> => {
    const binding = app.routes.find((candidate) => candidate.route.name === routeName);
    if (!binding) throw new Error(`no route ${routeName}`);
    const params = callOptions.params ?? {};
    const url = new URL(`http://localhost${binding.route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}`);
    for (const [key, value] of Object.entries(callOptions.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { ...(callOptions.headers ?? {}) };
    const bearer = callOptions.token === undefined ? defaultToken : callOptions.token;
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    const { body, bytes } = callOptions;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (bytes !== undefined) headers['content-length'] ??= String(bytes.length);
    const request = new HttpRequest({
      method: callOptions.method ?? binding.route.method,
      url: url.toString(),
      headers,
      params,
      ...(body !== undefined ? { body: { string: typeof body === 'string' ? body : JSON.stringify(body) } } : {}),
      ...(bytes !== undefined ? { body: { bytes } } : {}),
    });
    const context = new InvocationContext({ functionName: routeName, logHandler: () => undefined });
    const response = await binding.handler(request, context);
    return {
      status: response.status ?? 200,
      body: response.jsonBody,
      headers: new Headers(response.headers as Record<string, string>),
      ...(typeof response.body === 'string' ? { text: response.body } : {}),
      ...(response.body instanceof Readable ? { bytes: await buffer(response.body) } : {}),
      ...(Buffer.isBuffer(response.body) ? { bytes: response.body } : {}),
    };
  };

  return {
    app,
    dataDir,
    cosmosDatabase: cosmos?.database ?? null,
    token,
    call,
    close: async () => {
      // app.close() closes the store; the Cosmos database goes with it.
      if (cosmos) await cosmos.dispose();
      else await app.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a record through the API and returns it, failing the test on anything but 201. */
export async function create<K extends CrudKind>(t: TestApp, kind: K, body: unknown, token?: string): Promise<RecordOf[K]> {
  const response = await t.call(`create-${kind}`, { body, ...(token ? { token } : {}) });
  if (response.status !== 201) throw new Error(`create-${kind} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
