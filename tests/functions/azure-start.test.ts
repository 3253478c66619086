import fs from 'node:fs';
import path from 'node:path';
import { PublicAddress } from '../../functions/src/http/public-address';
import { HttpRequest, InvocationContext, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { apiContract } from '@rapport/shared';
import type { App } from '../../functions/src/app';
import { startAzureApp } from '../../functions/src/azure-app';
import { loadConfig, type Config } from '../../functions/src/config';
import { PRODUCTION_ENV } from './production-env';
import { JobRunner } from '../../functions/src/jobs/job-runner';
import { APP_JOB_SCHEDULES } from '../../functions/src/jobs/jobs';

// The Functions host hands the worker this module; with it, @azure/functions registers for real rather than in test
// mode, so the test sees what azure.ts registers and calls the handlers the host would call.
type Registered = { name: string; methods: string[]; route: string; handler: HttpHandler };
const mockRegistered: Registered[] = [];
const mockHooks: string[] = [];
jest.mock(
  '@azure/functions-core',
  () => ({
    setProgrammingModel: () => undefined,
    // Hosts from v4.28 have it (the library checks for it before it streams HTTP bodies).
    log: () => undefined,
    registerHook: (name: string) => {
      mockHooks.push(name);
      return { dispose: () => undefined };
    },
    registerFunction: (metadata: { name: string; bindings: Record<string, { direction: string; methods?: string[]; route?: string }> }, handler: HttpHandler) => {
      const trigger = Object.values(metadata.bindings).find((binding) => binding.direction === 'in');
      mockRegistered.push({ name: metadata.name, methods: trigger?.methods ?? [], route: trigger?.route ?? '', handler });
      return { dispose: () => undefined };
    },
  }),
  { virtual: true },
);

const context = () => new InvocationContext({ invocationId: 'test', functionName: 'health', logHandler: () => undefined });
const health = (handler: HttpHandler) => handler(new HttpRequest({ method: 'GET', url: 'https://rapport.azurewebsites.net/api/health' }), context()) as Promise<HttpResponseInit>;

describe('the Azure entry', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    mockRegistered.length = 0;
    jest.restoreAllMocks();
  });

  const loadEntry = () => jest.isolateModules(() => require('../../functions/src/azure'));

  it('registers every route of the contract with the Functions host, and a timer for each job', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    loadEntry();
    const http = mockRegistered.filter((registered) => registered.methods.length > 0);
    expect(http.map(({ name, methods, route }) => [name, methods, route])).toEqual(
      apiContract.map((route) => [route.name, route.head ? [route.method, 'HEAD'] : [route.method], route.path.slice(1)]),
    );
    // The jobs' timers (no methods, no route): known before the app starts.
    expect(mockRegistered.filter((registered) => registered.methods.length === 0).map(({ name }) => name)).toEqual(APP_JOB_SCHEDULES.map((job) => job.name));
  });

  it("serves tracked links at the host's root: host.json sets no route prefix, so r/{code} is one, and the API stays under api/", () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const hostJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../functions/host.json'), 'utf8')) as { extensions: { http: { routePrefix: string } } };
    // A route cannot leave the prefix: with "api" (the platform's default, when the setting is missing) /r/ would be /api/r/.
    expect(hostJson.extensions.http.routePrefix).toBe('');
    loadEntry();
    const routes = mockRegistered.filter((registered) => registered.methods.length > 0);
    expect(routes.find((registered) => registered.name === 'follow-tracked-link')).toMatchObject({ methods: ['GET', 'HEAD'], route: 'r/{code}' });
    expect(routes.filter((registered) => !registered.route.startsWith('api/')).map((registered) => registered.route)).toEqual(['r/{code}']);
    // A worker the host stops writes the clicks it still holds.
    expect(mockHooks).toContain('appTerminate');
  });

  it('checks its configuration when the host loads it, before any request, naming each missing setting', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const name of Object.keys(PRODUCTION_ENV)) delete process.env[name];
    loadEntry();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveBeenCalledTimes(1);
    const [message, detail] = errors.mock.calls[0] as [string, string];
    expect(message).toBe('Rapport could not start; the next request tries again.');
    for (const name of Object.keys(PRODUCTION_ENV)) expect(detail).toContain(name);
  });

  it('answers 503 while it cannot start, and serves once its settings are fixed: a failed start is not kept', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const name of Object.keys(PRODUCTION_ENV)) delete process.env[name];
    loadEntry();
    // The host loads the entry some time before the first request comes.
    await new Promise((resolve) => setImmediate(resolve));
    const handler = mockRegistered.find((registered) => registered.name === 'health')?.handler;
    if (!handler) throw new Error('health is not registered');

    const refused = await health(handler);
    expect(refused.status).toBe(503);
    expect(refused.jsonBody).toMatchObject({ error: { code: 'SERVICE.UNAVAILABLE' } });
    expect(refused.headers).toMatchObject({ 'retry-after': '30', 'access-control-expose-headers': 'etag, retry-after, idempotent-replayed, content-disposition' });
    // The start at load and the one this request made: tried again, not a cached failure.
    expect(errors).toHaveBeenCalledTimes(2);

    Object.assign(process.env, PRODUCTION_ENV);
    const served = await health(handler);
    expect(served.status).toBe(200);
    // Production's store is Cosmos DB, never the SQLite file.
    expect(served.jsonBody).toMatchObject({ status: 'ok', store: 'cosmos' });
    // The pages are on another origin: the pane may read the version and the retry delay a response carries.
    expect(served.headers).toMatchObject({ 'access-control-expose-headers': 'etag, retry-after, idempotent-replayed, content-disposition' });
    expect(errors).toHaveBeenCalledTimes(2);
  });
});

describe('startAzureApp', () => {
  const built = (config: Config): App => ({ config, store: { name: 'cosmos' } as App['store'], routes: [], jobs: new JobRunner([], { store: { claimJobRun: async () => true }, now: () => new Date() }), graph: null, services: {} as App['services'], publicAddress: new PublicAddress(undefined), close: async () => undefined });

  it('starts once and shares that start with every request', async () => {
    const build = jest.fn(async (config: Config) => built(config));
    const started = startAzureApp({ ...PRODUCTION_ENV }, { build, log: () => undefined });
    await Promise.all([started.handlers(), started.handlers(), started.handlers()]);
    expect(build).toHaveBeenCalledTimes(1);
    expect(build.mock.calls[0]?.[0]).toEqual(loadConfig({ ...PRODUCTION_ENV }, 'production'));
  });

  it('logs a failed start and tries again on the next request', async () => {
    const logged: string[] = [];
    let failures = 1;
    const build = jest.fn(async (config: Config) => {
      if (failures-- > 0) throw new Error('Cosmos DB is not reachable');
      return built(config);
    });
    const started = startAzureApp({ ...PRODUCTION_ENV }, { build, log: (message, error) => logged.push(`${message} ${String(error)}`) });
    await expect(started.handlers()).rejects.toThrow('Cosmos DB is not reachable');
    expect(logged).toEqual(['Rapport could not start; the next request tries again. Error: Cosmos DB is not reachable']);
    await expect(started.handlers()).resolves.toBeInstanceOf(Map);
    expect(build).toHaveBeenCalledTimes(2);
  });
});
