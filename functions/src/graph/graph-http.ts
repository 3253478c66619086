import https from 'node:https';
import { Readable } from 'node:stream';
import { GraphCallError } from './app-graph';

// One Graph call over https, as Microsoft's throttling guidance asks: a 429 or 503 is tried again after the Retry-After
// Graph sends (a bounded number of times, and never longer than a job can wait), every attempt has a deadline, and
// anything else that is not a success becomes a GraphCallError with Graph's own code.

export type GraphHttpOptions = {
  /** Extra certificate authorities to trust (PEM): the local stand-in's self-signed certificate. Never a way to skip verification. */
  ca?: string;
  /** Deadline of one attempt, response body included. */
  timeoutMs?: number;
  /** Attempts after the first one when Graph throttles (429) or is unavailable (503). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for: the call fails and says how long Graph asked for. */
  maxRetryAfterSeconds?: number;
  sleep?: (milliseconds: number) => Promise<void>;
};

export type GraphHttpCall = {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  token: () => Promise<string>;
  body?: unknown;
  headers?: Record<string, string>;
};

export type GraphHttpResponse = { status: number; body: unknown };

const RETRYABLE = new Set([429, 503]);
// A page of fifty messages with their HTML bodies is a few megabytes; far more is not an answer Rapport asked for.
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** A Graph HTTP client: `call` makes one call, with its retries; `stream` one whose answer is a file's bytes. */
export function graphHttp(options: GraphHttpOptions = {}): { call(call: GraphHttpCall): Promise<GraphHttpResponse>; stream(call: GraphHttpCall): Promise<Readable> } {
  const agent = new https.Agent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 60;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));

  // A 429 or 503 is tried again after the Retry-After Graph sends; any other failure is thrown.
  const retrying = async <T>(attempt: () => Promise<T | RawResponse>, isAnswer: (value: T | RawResponse) => value is T): Promise<T> => {
    for (let number = 0; ; number++) {
      const result = await attempt();
      if (isAnswer(result)) return result;
      if (result instanceof Readable) throw new Error('unreachable: a stream is always an answer');
      const error = graphErrorOf(result);
      const wait = error.retryAfterSeconds ?? 2 ** number;
      if (!RETRYABLE.has(result.status) || number >= maxRetries || wait > maxRetryAfterSeconds) throw error;
      await sleep(wait * 1000);
    }
  };

  return {
    // The bytes flow to the caller as they come; only an error's (small, JSON) body is read here. The deadline is for
    // the whole file, so it is longer than a call's.
    async stream(call) {
      return retrying(
        async () => opened(agent, call, await call.token(), Math.max(timeoutMs, STREAM_TIMEOUT_MS)),
        (value): value is Readable => value instanceof Readable,
      );
    },
    async call(call) {
      const response = await retrying(
        async () => once(agent, call, await call.token(), timeoutMs),
        (value): value is RawResponse => !(value instanceof Readable) && value.status >= 200 && value.status < 300,
      );
      return { status: response.status, body: response.body };
    },
  };
}

type RawResponse = { status: number; body: unknown; retryAfter: string | undefined };

// A file of the largest size a tenant may keep, on a slow link.
const STREAM_TIMEOUT_MS = 10 * 60 * 1000;

/** A successful answer's body as a stream, or (any other status) the answer read whole, for its error. */
function opened(agent: https.Agent, call: GraphHttpCall, token: string, timeoutMs: number): Promise<Readable | RawResponse> {
  return new Promise((resolve, reject) => {
    const request = https.request(call.url, { method: call.method, agent, signal: AbortSignal.timeout(timeoutMs), headers: { authorization: `Bearer ${token}`, ...call.headers } }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        resolve(response);
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => reject(asCallError(error, call)));
      response.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const retryAfter = response.headers['retry-after'];
        resolve({ status, body, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
      });
    });
    request.on('error', (error) => reject(asCallError(error, call)));
    request.end();
  });
}

function once(agent: https.Agent, call: GraphHttpCall, token: string, timeoutMs: number): Promise<RawResponse> {
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const request = https.request(
      call.url,
      {
        method: call.method,
        agent,
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...call.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) response.destroy(new GraphCallError(0, 'ResponseTooLarge', `Graph's answer to ${call.method} ${pathOf(call.url)} is over ${MAX_RESPONSE_BYTES} bytes.`));
          else chunks.push(chunk);
        });
        response.on('error', (error) => reject(asCallError(error, call)));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            body = text;
          }
          const retryAfter = response.headers['retry-after'];
          resolve({ status: response.statusCode ?? 0, body, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        });
      },
    );
    request.on('error', (error) => reject(asCallError(error, call)));
    request.end(payload);
  });
}

function graphErrorOf(response: RawResponse): GraphCallError {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `Http${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : `Graph answered ${response.status}.`;
  return new GraphCallError(response.status, code, message, retryAfterSeconds(response.retryAfter));
}

/** Retry-After in seconds; Graph sends seconds, HTTP also allows a date. */
function retryAfterSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

// A timeout, a refused connection or a certificate that does not verify: status 0, and never the token in the message.
function asCallError(error: Error, call: GraphHttpCall): GraphCallError {
  if (error instanceof GraphCallError) return error;
  const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
  const code = timedOut ? 'Timeout' : ((error as NodeJS.ErrnoException).code ?? 'NetworkError');
  return new GraphCallError(0, code, `${call.method} ${pathOf(call.url)} failed: ${timedOut ? 'no answer in time' : error.message}`);
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}
