import type { HttpRequest } from '@azure/functions';
import { CrmError, versionRequired, type RecordKind } from '@rapport/shared';
import type { z } from 'zod';

export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export function bodyTooLarge(): CrmError {
  return new CrmError('too-large', 'REQUEST.BODY_TOO_LARGE', 'The request body is larger than 1 MB.', { limitBytes: MAX_BODY_BYTES });
}

/** Reads a JSON body and checks it against a schema; every failure is a 4xx that says what to fix. */
export async function readJsonBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.output<S>> {
  const text = await boundedText(request);
  if (text.trim().length === 0) {
    throw new CrmError('invalid', 'REQUEST.BODY_REQUIRED', 'This request needs a JSON body.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it could not be parsed';
    throw new CrmError('invalid', 'REQUEST.MALFORMED_JSON', `The body is not valid JSON: ${reason}.`);
  }
  return validate(schema, value, 'body');
}

/**
 * The body of a public form post: JSON, or an HTML form's `application/x-www-form-urlencoded` fields (the only
 * kind a plain `<form method="post">` sends without script). Says which, since the answer differs.
 */
export async function readJsonOrFormBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<{ value: z.output<S>; from: 'json' | 'form' }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    if (type !== '' && type !== 'application/json') {
      throw new CrmError('unsupported-media-type', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the form as application/x-www-form-urlencoded (a plain HTML form) or as JSON.');
    }
    return { value: await readJsonBody(request, schema), from: 'json' };
  }
  const text = await boundedText(request);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
  return { value: validate(schema, fields, 'body'), from: 'form' };
}

/**
 * The body as text, read only up to MAX_BODY_BYTES: a body that declares more, or sends more without saying (chunked,
 * as a streaming host passes it on), is refused without being read whole.
 */
async function boundedText(request: HttpRequest): Promise<string> {
  const declaredLength = Number(request.headers.get('content-length') ?? '0');
  if (declaredLength > MAX_BODY_BYTES) throw bodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function readQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.output<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of request.query.entries()) values[key] = value;
  return validate(schema, values, 'query');
}

export function readParams<S extends z.ZodType>(request: HttpRequest, schema: S): z.output<S> {
  return validate(schema, { ...request.params }, 'path');
}

/** The version a client read, required: without If-Match a change would overwrite unseen (428). */
export function requireIfMatch(request: HttpRequest, kind: RecordKind): number {
  const version = readIfMatch(request);
  if (version === null) throw versionRequired(kind);
  return version;
}

/** The version a client read, from `If-Match: "3"` (or `W/"3"`, or `3`); null when absent. */
export function readIfMatch(request: HttpRequest): number | null {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new CrmError('invalid', 'REQUEST.INVALID_IF_MATCH', 'If-Match must be the version you read, as given in the ETag header, e.g. "3".');
  }
  return Number(match[1]);
}

export function readIdempotencyKey(request: HttpRequest): string | undefined {
  const key = request.headers.get('idempotency-key');
  if (key === null) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new CrmError(
      'invalid',
      'REQUEST.INVALID_IDEMPOTENCY_KEY',
      `Idempotency-Key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, e.g. a UUID.`,
    );
  }
  return key;
}

function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(root)'),
    // zod's issue code (too_big, invalid_format…): the pane words the field's problem in the user's language.
    code: issue.code,
    message: issue.message,
  }));
  const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
  throw new CrmError('invalid', 'REQUEST.VALIDATION_FAILED', `The ${where} is not valid: ${summary}.`, {
    in: where,
    fields,
  });
}
