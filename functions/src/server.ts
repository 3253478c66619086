import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { CrmError, TRACKED_LINK_PREFIX, type DemoInboxItem } from '@rapport/shared';
import { createApp, type App } from './app';
import { ConfigError, LOCAL_AUDIENCE, LOCAL_ISSUER, loadConfig, type Config } from './config';
import { seedDemoTenant } from './local/demo/seed';
import { MAX_BODY_BYTES, bodyTooLarge } from './http/request';
import { errorResponse } from './http/responses';
import { Router } from './http/router';
import { addinPages } from './pages/addin-pages';
import { demoPages } from './local/demo/demo-pages';
import { localCalendarTimeZone, startLocalCalendar } from './local/calendar/start-local-calendar';
import { bookedMeetingsInInbox } from './local/calendar/demo-calendar';
import { digestsInInbox } from './local/calendar/demo-digests';
import { DEMO_USER_EMAIL } from './local/demo/demo-data';
import { createLocalApp, localAppGraph } from './local/local-mode';
import { LocalIssuer } from './local/local-issuer';
import { startJobScheduler } from './jobs/job-scheduler';

export type RunningServer = { url: string; server: http.Server; close(): Promise<void> };

/**
 * The standalone host: serves the route table over node:http with the same handlers,
 * request and response types as Azure Functions.
 */
export type ServerOptions = {
  port: number;
  host: string;
  /** Where the pane sends its Graph calls: Microsoft Graph, or (local mode) the local calendar service. */
  graphBaseUrl?: string;
  /** Local mode: demo inbox items beyond the fixed ones (meetings booked in the local calendar). */
  moreDemoItems?: () => DemoInboxItem[];
};

export async function startServer(app: App, options: ServerOptions): Promise<RunningServer> {
  const router = new Router(app.routes);
  const pages = addinPages(app.config, {
    ...(options.graphBaseUrl ? { graphBaseUrl: options.graphBaseUrl } : {}),
    ...(app.config.authMode === 'local' ? { demo: demoPages(() => new Date(), options.moreDemoItems) } : {}),
  });
  const server = http.createServer((req, res) => {
    void handle(router, pages, app, req, res);
  });
  // Slow or stuck clients must not hold sockets forever: a whole request (an upload of the largest file on a slow link
  // included) within 10 minutes, a JSON body within 30 s (readBody), an upload never idle for a minute.
  server.requestTimeout = 10 * 60_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  app.publicAddress.listeningAt(`http://${options.host}:${port}`);
  return {
    url: `http://${options.host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Pages = ReturnType<typeof addinPages>;

const BODY_DEADLINE_MS = 30_000;
const UPLOAD_IDLE_MS = 60_000;

async function handle(router: Router, pages: Pages, app: App, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  const invocationId = randomUUID();
  let response: HttpResponseInit;
  const logError = (message: string, error: unknown) => console.error(`[${invocationId}] ${message}`, error);
  try {
    const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/dev/') || url.pathname.startsWith(TRACKED_LINK_PREFIX);
    const page = isApi ? null : await pages(method, url.pathname, url.search);
    const match = page ? null : router.match(method, url.pathname);
    if (page) {
      response = page;
    } else if (!match || match.kind === 'not-found') {
      throw new CrmError('not-found', 'ROUTE.NOT_FOUND', `There is no ${url.pathname} in this API. See /api/openapi.json.`);
    } else if (match.kind === 'method-not-allowed') {
      const allowed = [...new Set(match.allowed)].join(', ');
      response = errorResponse(
        new CrmError('method-not-allowed', 'ROUTE.METHOD_NOT_ALLOWED', `${url.pathname} does not accept ${method}; it accepts ${allowed}.`),
        logError,
      );
      response.headers = { ...(response.headers as Record<string, string>), allow: allowed };
    } else {
      const headers = withClientAddress(flattenHeaders(req.headers), req.socket.remoteAddress);
      const { upload } = match.binding.route;
      // A document's bytes stream to the handler as they arrive, as the Functions host streams them: the caller is
      // authenticated, and the file checked against the tenant's limit, before a byte is kept. Every other body is
      // JSON of at most 1 MB, read whole (within a deadline) first.
      const body = upload ? null : await readBody(req, MAX_BODY_BYTES);
      const request = upload
        ? streamedRequest(method, url, headers, match.params, req)
        : new HttpRequest({ method, url: url.toString(), headers, params: match.params, ...(body && body.length > 0 ? { body: { bytes: body } } : {}) });
      if (upload) req.setTimeout(UPLOAD_IDLE_MS, () => req.destroy(new Error('The upload stalled')));
      const context = new InvocationContext({
        invocationId,
        functionName: match.binding.route.name,
        logHandler: (level, ...args) => {
          if (level === 'error' || level === 'critical') console.error(`[${invocationId}]`, ...args);
          else if (level === 'warning') console.warn(`[${invocationId}]`, ...args);
        },
      });
      // Answered before the client sent all of its file (a refusal): Node discards the rest as it comes, holding none.
      response = await match.binding.handler(request, context);
    }
  } catch (error) {
    response = errorResponse(error, logError);
    // A refused body may still be arriving; close the connection rather than read it.
    if (error instanceof CrmError && error.code === 'REQUEST.BODY_TOO_LARGE') res.setHeader('connection', 'close');
  }
  writeResponse(res, response);
  if (app.config.logRequests) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`${method} ${withoutKeys(url.pathname)} ${response.status ?? 200} ${ms.toFixed(1)}ms`);
  }
}

/** A path as the log keeps it: a public page's key opens its page, so it is never written down. */
export function withoutKeys(pathname: string): string {
  return pathname.replace(/^(\/api\/public\/[a-z-]+\/|\/api\/forms\/|\/r\/)[^/]+/, '$1…');
}

/**
 * An upload's request with its body as the stream it arrives on. `@azure/functions` builds its requests so itself when
 * the host streams (its `nativeRequest`, not in the public types); `duplex: 'half'` is what fetch's Request needs for a
 * streamed body.
 */
function streamedRequest(method: string, url: URL, headers: Record<string, string>, params: Record<string, string>, req: http.IncomingMessage): HttpRequest {
  const nativeRequest = new Request(url, { method, headers, body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } as RequestInit);
  return new HttpRequest({ nativeRequest, params } as unknown as ConstructorParameters<typeof HttpRequest>[0]);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.reject(bodyTooLarge());
  return new Promise((resolve, reject) => {
    // A JSON body trickling in holds a socket: it has a deadline of its own (uploads have the server's longer one).
    const deadline = setTimeout(() => req.destroy(new Error('The request body was too slow')), BODY_DEADLINE_MS);
    req.once('close', () => clearTimeout(deadline));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(bodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// As a proxy does: the address the request came from is appended, so the last entry is one the client cannot forge.
function withClientAddress(headers: Record<string, string>, address: string | undefined): Record<string, string> {
  if (!address) return headers;
  const forwarded = headers['x-forwarded-for'];
  return { ...headers, 'x-forwarded-for': forwarded ? `${forwarded}, ${address}` : address };
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

function writeResponse(res: http.ServerResponse, response: HttpResponseInit): void {
  const headers = new Headers(response.headers as Record<string, string> | undefined);
  let payload: string | Uint8Array | undefined;
  if (response.jsonBody !== undefined) {
    payload = JSON.stringify(response.jsonBody);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  } else if (typeof response.body === 'string' || response.body instanceof Uint8Array) {
    payload = response.body;
  }
  headers.set('x-content-type-options', 'nosniff');
  res.statusCode = response.status ?? 200;
  headers.forEach((value, name) => res.setHeader(name, value));
  // A document's bytes stream from the file store to the caller; a store failing midway cuts the response short.
  if (response.body instanceof Readable) {
    pipeline(response.body, res).catch(() => res.destroy());
    return;
  }
  res.end(payload);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Only local mode gets the local room: the local issuer, the demo and the calendar and mail service that stands in for
  // Graph. The stand-in starts first (it needs only the issuer), so the API's jobs get a Graph client pointed at it.
  const issuer = config.authMode === 'local' ? await LocalIssuer.create(LOCAL_ISSUER, config.audience[0] ?? LOCAL_AUDIENCE) : null;
  const calendar = issuer ? await startLocalCalendar({ config, issuer }) : null;
  const local = issuer && calendar ? await createLocalApp(config, { issuer, graph: localAppGraph(issuer, calendar.server) }) : null;
  const app = local ?? (await createApp(config));
  const seeded = config.seedDemo ? await seedDemoTenant(app.store, { documents: app.services.documents }) : null;
  const running = await startServer(app, {
    port: config.port,
    host: config.host,
    ...(calendar ? { graphBaseUrl: calendar.server.url, moreDemoItems: () => [...digestsInInbox(calendar.mail, DEMO_USER_EMAIL), ...bookedMeetingsInInbox(calendar.calendar, DEMO_USER_EMAIL)] } : {}),
  });
  const lines = [
    `Rapport is running at ${running.url}`,
    `  store:    ${
      app.store.name === 'sqlite'
        ? `sqlite (${config.dataDir})`
        : `cosmos, database ${config.cosmos.database} at ${config.cosmos.endpoint ?? 'an in-process local server (data kept in memory until exit)'}`
    }`,
    `  auth:     ${config.authMode === 'local' ? 'local issuer (POST /dev/token)' : 'Microsoft Entra ID'}`,
    `  API:      ${running.url}/api  (OpenAPI: ${running.url}/api/openapi.json)`,
  ];
  if (calendar) {
    lines.push(
      `  calendar: ${calendar.server.url}/v1.0 (local stand-in for Microsoft Graph's calendar and mail, time zone ${localCalendarTimeZone(config)}); its certificate is`,
      `            self-signed: open ${calendar.server.url}/ once in your browser and accept it so the demo can book.`,
    );
  }
  if (seeded) {
    lines.push(
      `  demo:     tenant ${seeded.tenantId}, user ${seeded.userId} (${seeded.userEmail})${seeded.created ? ' — seeded just now' : ''}`,
      `  try:      curl -s -X POST ${running.url}/dev/token -H 'content-type: application/json' \\`,
      `              -d '{"tenantId":"${seeded.tenantId}","userId":"${seeded.userId}","roles":["rep"]}'`,
    );
  }
  const scheduler = startJobScheduler(app.jobs);
  const jobs = app.jobs.list();
  if (jobs.length > 0) lines.push(`  jobs:     ${jobs.map((job) => `${job.name} every ${job.everyMinutes} min`).join(', ')}${local ? ` (run one now: POST ${running.url}/dev/jobs/{name}/run)` : ''}`);
  lines.push('  routes:');
  for (const { route } of app.routes) lines.push(`    ${route.method.padEnd(6)} ${route.path}`);
  console.log(lines.join('\n'));

  const shutdown = async () => {
    scheduler.stop();
    await running.close();
    await calendar?.server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('Rapport could not start:', error);
    process.exit(1);
  });
}
