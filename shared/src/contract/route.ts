import type { z } from 'zod';
import type { MemberCapability } from '../members/capabilities.rules';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One operation of the API: what the handler parses, what it answers, and the headers it honours. */
export type ApiRoute = {
  name: string;
  method: HttpMethod;
  /** With `{param}` placeholders, e.g. `/api/contacts/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `user`: a valid bearer token is required. */
  auth: 'none' | 'user';
  /** The least role that may call it (any member when absent). */
  role?: 'manager' | 'admin';
  /** What the role lets the caller do, for the 403's message: "Only a manager or an admin can {allows}." */
  allows?: string;
  /** A member with this capability may call it whatever their role (a knowledge editor writes articles). */
  capability?: MemberCapability;
  /** A POST that only reads (lookup): not counted against the write rate limit. */
  readOnly?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A redirect (302) answers with where to go in `Location`, and no body. */
  success: { status: 200 | 201 | 202 | 204 | 302; schema?: z.ZodType; description: string };
  /** Statuses besides 400, 401, 404 and 500 that this route answers. */
  errors?: number[];
  /** The route requires If-Match with the version read. */
  ifMatch?: boolean;
  /** The route honours an Idempotency-Key header. */
  idempotent?: boolean;
  /** The body is a file's bytes, not JSON: hosts let it be as large as a file may be (see MAX_FILE_MB_CEILING). */
  upload?: boolean;
  /** A GET that answers HEAD too (link checkers and previews ask with it): the handler sees the method, the hosts send no body. */
  head?: true;
};

export function defineRoute<const R extends ApiRoute>(route: R): R {
  return route;
}
