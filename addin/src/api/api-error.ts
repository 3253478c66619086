import type { ErrorCode } from '@rapport/shared/common/error-codes';

/** Failures that happen before the API answers: it cannot be reached, or took too long. */
export type TransportErrorCode = 'NETWORK' | 'TIMEOUT' | 'UNKNOWN';

/** A field the API found wrong: its path in the request body and zod's issue code (the pane words it). */
export type FieldIssue = { path: string; code?: string; message: string };

/** A failed API call: the API's stable code (or the transport's), what it is about, and when to try again. */
export class ApiError extends Error {
  constructor(
    /** 0 when the API gave no answer. */
    readonly status: number,
    readonly code: ErrorCode | TransportErrorCode,
    message: string,
    readonly details?: unknown,
    /** With 429 and 503: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request may well succeed if sent again: nothing answered, or the API said so. */
  get transient(): boolean {
    return this.status === 0 || this.code === 'SERVICE.UNAVAILABLE' || this.code === 'REQUEST.RATE_LIMITED';
  }

  /** The record kind the error is about (`details.kind` of RECORD.* codes). */
  get kind(): string | undefined {
    const kind = (this.details as { kind?: unknown } | undefined)?.kind;
    return typeof kind === 'string' ? kind : undefined;
  }

  /** The fields a validation error names. */
  get fields(): FieldIssue[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    return Array.isArray(fields) ? fields.filter((field): field is FieldIssue => typeof (field as FieldIssue)?.path === 'string') : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
