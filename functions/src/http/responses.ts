import type { HttpResponseInit } from '@azure/functions';
import { CrmError, type ErrorBody, type ErrorCategory } from '@rapport/shared';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers } };
}

export function noContent(): HttpResponseInit {
  return { status: 204, headers: { 'cache-control': 'no-store' } };
}

/** A record with its version in the ETag, which clients send back as If-Match. */
export function recordResponse(record: { version: number }, status = 200, headers: Record<string, string> = {}): HttpResponseInit {
  return json(status, record, { etag: `"${record.version}"`, ...headers });
}

// The one place where error categories become HTTP statuses.
const statusByCategory: Record<ErrorCategory, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  gone: 410,
  'precondition-failed': 412,
  'too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'precondition-required': 428,
  'rate-limited': 429,
  unavailable: 503,
};

export type ErrorLogger = (message: string, error: unknown) => void;

/** Maps any thrown value to the API's error body; unknown errors are logged and disclose nothing. */
export function errorResponse(error: unknown, log: ErrorLogger): HttpResponseInit {
  if (error instanceof CrmError) {
    const status = statusByCategory[error.category];
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    const headers: Record<string, string> = {};
    // RFC 6750: no error attribute when no token was sent at all.
    if (status === 401) headers['www-authenticate'] = error.code === 'AUTH.TOKEN_MISSING' ? 'Bearer' : 'Bearer error="invalid_token"';
    if (error.code === 'AUTH.SCOPE_MISSING') headers['www-authenticate'] = 'Bearer error="insufficient_scope"';
    const details = error.details as { currentVersion?: unknown; retryAfterSeconds?: unknown } | undefined;
    if (status === 412 && typeof details?.currentVersion === 'number') headers.etag = `"${details.currentVersion}"`;
    if ((status === 429 || status === 503) && typeof details?.retryAfterSeconds === 'number') headers['retry-after'] = String(details.retryAfterSeconds);
    return json(status, body, headers);
  }
  log('Unhandled error', error);
  const body: ErrorBody = { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again; if it persists, tell your admin.' } };
  return json(500, body);
}
