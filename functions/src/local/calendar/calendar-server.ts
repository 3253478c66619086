import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GRAPH_AUDIENCE } from '../local-issuer';
import { FaultPlan } from './faults';
import { answerGraph, graphError, isApplicationCaller, type GraphCaller, type GraphResponse } from './graph-api';
import { answerMail } from './graph-mail-api';
import type { LocalCalendar } from './local-calendar';
import type { Certificate } from './local-certificate';
import { LocalMail } from './local-mail';

export type CalendarServerOptions = {
  calendar: LocalCalendar;
  /** The directory's mail; a new, empty store over the calendar's mailboxes when not given. */
  mail?: LocalMail;
  certificate: Certificate;
  /** The local issuer's keys and name: Graph tokens are checked as Graph would check them. */
  keys: JWTVerifyGetKey;
  issuer: string;
  port: number;
  host: string;
  now?: () => Date;
};

export type RunningCalendar = {
  url: string;
  /** The mail the service answers from: tests and the demo deliver mail from outside the directory here. */
  mail: LocalMail;
  /** The service's certificate (PEM), which clients trust to reach it with TLS verified. */
  ca: string;
  /** Failures to answer with (throttling, outages), for tests. */
  faults: FaultPlan;
  /** The calls answered so far, in order. */
  calls: () => { method: string; path: string; status: number }[];
  /** The most calls that were being answered at once. */
  mostInFlight: () => number;
  /** Answers each call this much later, as a distant service would (tests of concurrency). */
  setLatency: (milliseconds: number) => void;
  close(): Promise<void>;
};

// Graph's own limit on a request (a sendMail with its attachments inline).
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const ALLOWED_HEADERS = 'authorization, content-type, prefer, client-request-id, sdkversion, return-client-request-id, x-requested-with';

/**
 * The local stand-in for Microsoft Graph's calendar and mail API over https (the Graph client sends tokens to
 * https hosts only): `https://localhost:<port>/v1.0/me/...` for a signed-in user, `/v1.0/users/{id}/...` for the
 * application. It checks each token's signature, audience and scopes or roles, answers from the in-memory calendar
 * and mail, and can be told to fail.
 */
export async function startCalendarServer(options: CalendarServerOptions): Promise<RunningCalendar> {
  const faults = new FaultPlan();
  const calls: { method: string; path: string; status: number }[] = [];
  const now = options.now ?? (() => new Date());
  const mail = options.mail ?? new LocalMail(options.calendar, now);
  let latency = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const server = https.createServer({ key: options.certificate.key, cert: options.certificate.cert }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const origin = req.headers.origin;
      const headers: Record<string, string> = {
        'request-id': randomUUID(),
        'access-control-allow-origin': origin ?? '*',
        'access-control-expose-headers': 'retry-after, request-id, client-request-id',
        vary: 'origin',
      };
      let response: GraphResponse;
      if (method === 'GET' && url.pathname === '/') {
        // Where a person lands to accept the self-signed certificate once.
        res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><meta charset="utf-8"><title>Rapport local calendar</title><p>This is Rapport\'s local calendar service, standing in for Microsoft Graph. Your browser now trusts its certificate: go back to the demo.</p>');
        return;
      }
      if (method === 'OPTIONS') {
        response = { status: 204, headers: { 'access-control-allow-methods': 'GET, POST, PATCH, DELETE', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' } };
      } else {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
          response = await answer(req, url, method);
        } finally {
          inFlight--;
        }
        calls.push({ method, path: url.pathname, status: response.status });
      }
      res.writeHead(response.status, { ...headers, ...(response.body === undefined ? {} : { 'content-type': 'application/json' }), ...response.headers });
      // A file's bytes (an attachment's $value) go as they are, a piece at a time as the caller reads them (as Graph
      // streams them); everything else is JSON.
      if (Buffer.isBuffer(response.body)) {
        await pipeline(Readable.from(piecesOf(response.body)), res);
        return;
      }
      res.end(response.body === undefined ? undefined : JSON.stringify(response.body));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'The local calendar service failed.' } }));
    });
  });

  async function answer(req: import('node:http').IncomingMessage, url: URL, method: string): Promise<GraphResponse> {
    if (!url.pathname.startsWith('/v1.0/')) return graphError(400, 'BadRequest', 'Invalid version: the path must begin with /v1.0/.');
    const path = url.pathname.slice('/v1.0'.length);
    const fault = faults.take(method, path);
    if (fault) {
      return graphError(
        fault.status,
        fault.status === 429 ? 'TooManyRequests' : fault.status === 503 ? 'ServiceNotAvailable' : 'InternalServerError',
        fault.status === 429 ? 'Too many requests. Retry after the time the Retry-After header gives.' : 'The service failed to answer.',
        fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : undefined,
      );
    }
    let caller: GraphCaller;
    try {
      caller = await callerOf(req.headers.authorization);
    } catch {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      return graphError(400, 'BadRequest', 'The request body is not valid JSON.');
    }
    const headers = new Headers();
    if (req.headers.prefer) headers.set('prefer', String(req.headers.prefer));
    const request = { method, path, query: url.searchParams, headers, body };
    const mailAnswer = answerMail({ mail, directory: options.calendar }, { ...request, caller }, `https://${req.headers.host ?? 'localhost'}/v1.0`);
    if (mailAnswer) return mailAnswer;
    // The calendar's calls are a signed-in user's; an application has no /me.
    if (isApplicationCaller(caller)) {
      return path.startsWith('/me/') ? graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.') : notFoundResponse(path);
    }
    return answerGraph(options.calendar, { ...request, caller }, now) ?? notFoundResponse(path);
  }

  function notFoundResponse(path: string): GraphResponse {
    return graphError(404, 'ResourceNotFound', `Resource not found for the segment '${path}'.`);
  }

  // A delegated token names a user and carries scopes (`scp`); an app-only token has no `scp`, only the application
  // permissions granted (`roles`), and names the application (`appid`) and its service principal (`oid`).
  async function callerOf(authorization: string | undefined): Promise<GraphCaller> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new Error('no token');
    const { payload } = await jwtVerify(token, options.keys, { algorithms: ['RS256'], audience: GRAPH_AUDIENCE, issuer: options.issuer });
    if (typeof payload.scp === 'string') {
      const address = payload.preferred_username;
      if (typeof address !== 'string') throw new Error('no mailbox');
      return { address: address.toLowerCase(), scopes: payload.scp.split(' ') };
    }
    const { roles, appid, oid, tid } = payload as { roles?: unknown; appid?: unknown; oid?: unknown; tid?: unknown };
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string') || typeof appid !== 'string' || typeof oid !== 'string' || typeof tid !== 'string') {
      throw new Error('neither a user nor an application');
    }
    // An app-only token is for one tenant (the one that consented): it reaches that tenant's mailboxes only.
    return { appId: appid, servicePrincipalId: oid, roles, tenantId: tid };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    mail,
    ca: options.certificate.cert,
    faults,
    calls: () => [...calls],
    mostInFlight: () => mostInFlight,
    setLatency: (milliseconds) => {
      latency = milliseconds;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function* piecesOf(bytes: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

function readJson(req: import('node:http').IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.length > 0 ? JSON.parse(text) : undefined);
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}
