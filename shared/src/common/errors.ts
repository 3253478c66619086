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

/** One change a record went through since the version a client sent: who made it, when, and which fields it changed. */
export type StaleChange = { by: { id: string; displayName?: string }; at: string; fields: string[] };

/**
 * What the audit trail knows of the changes since the version a client sent: the latest first, at most
 * `MAX_STALE_CHANGES` of them (`currentVersion` minus the version sent says how many there were), and the union of
 * their fields, so a client can tell whether its own fields were changed too.
 */
export type StaleSince = { changes: StaleChange[]; changedFields: string[] };

/** `error.details` of RECORD.STALE_VERSION. */
export type StaleVersionDetails = { kind: RecordKind; id: string; currentVersion: number; current: unknown } & Partial<StaleSince>;

export const MAX_STALE_CHANGES = 10;

/**
 * A change made on a version that is no longer the record's. With `since`, the details and the message say who changed
 * it meanwhile and which fields; `now` words the time (a change of another day says its date).
 */
export function staleVersion(kind: RecordKind, id: string, currentVersion: number, current: unknown, since?: StaleSince, now?: Date): CrmError {
  const latest = since?.changes[0];
  const changedBy = latest && since ? ` by ${whoOf(since.changes)} ${whenOf(latest.at, now)} (${since.changedFields.join(', ')})` : ` by someone else (now version ${currentVersion})`;
  const details: StaleVersionDetails = { kind, id, currentVersion, current, ...(since ? { changes: since.changes, changedFields: since.changedFields } : {}) };
  return new CrmError('precondition-failed', 'RECORD.STALE_VERSION', `This ${kind} was changed${changedBy}. Reload it and apply your change again.`, details);
}

function whoOf(changes: readonly StaleChange[]): string {
  const names = [...new Set(changes.map((change) => change.by.displayName ?? 'someone else'))];
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'someone else');
}

// "at 10:42 UTC" the same day, "on 2026-11-02 at 10:42 UTC" another.
function whenOf(at: string, now: Date | undefined): string {
  const iso = new Date(at).toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16)];
  return now && now.toISOString().slice(0, 10) === date ? `at ${time} UTC` : `on ${date} at ${time} UTC`;
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
  // The field carries the code, so a client says at the field what the code's message says.
  return new CrmError('invalid', code, message, { fields: [{ path: field, code, message }] });
}

export function idempotencyKeyReused(): CrmError {
  return new CrmError(
    'unprocessable',
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request. Use a new key for a new record.',
  );
}
