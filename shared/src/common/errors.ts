import type { RecordKind } from '../kinds/kinds';
import type { ErrorCode } from './error-codes';

/**
 * What went wrong, in terms the HTTP layer maps to a status in one place.
 * Codes are stable: clients may branch on them.
 */
export type ErrorCategory =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'conflict'
  | 'gone'
  | 'precondition-failed'
  | 'too-large'
  | 'unprocessable'
  | 'precondition-required'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable';

export class CrmError extends Error {
  constructor(
    readonly category: ErrorCategory,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CrmError';
  }
}

export function notFound(kind: RecordKind, id: string): CrmError {
  return new CrmError('not-found', 'RECORD.NOT_FOUND', `No ${kind} with id "${id}".`, { kind, id });
}

export function staleVersion(kind: RecordKind, id: string, currentVersion: number, current: unknown): CrmError {
  return new CrmError(
    'precondition-failed',
    'RECORD.STALE_VERSION',
    `This ${kind} was changed by someone else (now version ${currentVersion}). Reload it and apply your change again.`,
    { kind, id, currentVersion, current },
  );
}

export function alreadyExists(kind: RecordKind, id: string): CrmError {
  return new CrmError('conflict', 'RECORD.ALREADY_EXISTS', `A ${kind} with id "${id}" already exists.`, { kind, id });
}

export function versionRequired(kind: RecordKind): CrmError {
  return new CrmError(
    'precondition-required',
    'REQUEST.VERSION_REQUIRED',
    `Send the version of the ${kind} you read in the If-Match header, e.g. If-Match: "3".`,
  );
}

export function missingReference(kind: RecordKind, field: string, refKind: RecordKind, id: string): CrmError {
  return new CrmError(
    'unprocessable',
    'RECORD.REFERENCE_NOT_FOUND',
    `The ${refKind} "${id}" given in ${field} does not exist.`,
    { kind, field, refersTo: refKind, id },
  );
}

export function invalidField(code: ErrorCode, field: string, message: string): CrmError {
  return new CrmError('invalid', code, message, { fields: [{ path: field, message }] });
}

export function idempotencyKeyReused(): CrmError {
  return new CrmError(
    'unprocessable',
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request. Use a new key for a new record.',
  );
}
