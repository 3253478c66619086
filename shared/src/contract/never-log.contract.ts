import { z } from 'zod';
import { NeverLogEntriesSchema, NeverLogTypedSchema } from '../email/never-log.schema';
import { defineRoute } from './route';

/** The caller's own never-log list, with the version of their member record to send back in If-Match. */
export const MyNeverLogSchema = z
  .object({
    /** Addresses and domains (with their subdomains) whose mail is never logged for this rep, normalized. */
    entries: NeverLogEntriesSchema,
    /** The tenant's list (admins keep it in the settings): it applies too, and the rep cannot take anything off it. */
    tenant: NeverLogEntriesSchema,
    version: z.number().int().positive(),
  })
  .meta({ id: 'MyNeverLog' });
export type MyNeverLog = z.infer<typeof MyNeverLogSchema>;

/** The whole list as the rep wants it; entries as typed (`@gmail.com`, `John <john@x.com>`), normalized by the API. */
export const MyNeverLogChangeSchema = z.strictObject({ entries: NeverLogTypedSchema });
export type MyNeverLogChange = z.output<typeof MyNeverLogChangeSchema>;

export const myNeverLogRoute = defineRoute({
  name: 'get-my-never-log',
  method: 'GET',
  path: '/api/me/never-log',
  summary: "The signed-in user's own never-log list (addresses and domains whose mail is never logged), and the tenant's",
  tag: 'Member',
  auth: 'user',
  success: { status: 200, schema: MyNeverLogSchema, description: 'The lists; version goes back in If-Match to change yours' },
});

// PATCH replaces the whole list, as PATCH /api/settings replaces the exchange rates: the contract has no PUT.
export const updateMyNeverLogRoute = defineRoute({
  name: 'update-my-never-log',
  method: 'PATCH',
  path: '/api/me/never-log',
  summary: "Replace the signed-in user's own never-log list; only ever their own (400 NEVER_LOG.INVALID_ENTRY or NEVER_LOG.TOO_MANY and nothing kept when an entry is wrong)",
  tag: 'Member',
  auth: 'user',
  body: MyNeverLogChangeSchema,
  success: { status: 200, schema: MyNeverLogSchema, description: 'The lists after the change' },
  errors: [412, 413, 428],
  ifMatch: true,
});
