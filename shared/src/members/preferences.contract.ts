import { z } from 'zod';
import { defineRoute } from '../contract/route';
import { DEFAULT_DIGEST_HOUR, TIME_ZONE_NAME, memberLanguages } from './preferences.rules';

const TimeZoneNameSchema = z.string().max(64).regex(TIME_ZONE_NAME, 'must be a time zone such as Europe/Madrid');

/** The signed-in member's own preferences, with the version of their member record to send back in If-Match. */
export const MyPreferencesSchema = z
  .object({
    /** Their time zone (IANA); absent until their first sign-in from Outlook says it or they choose one. */
    timeZone: z.string().max(64).optional(),
    /** The language their digest is written in; absent until their first sign-in says it or they choose one. */
    language: z.enum(memberLanguages).optional(),
    /** Whether they get the plan of their day by e-mail each morning. */
    dailyDigest: z.boolean(),
    /** Whether they are e-mailed when a customer answers one of their quotes (the pane's My day tells them anyway). */
    quoteAnswerMail: z.boolean(),
    /** The hour of their morning (their time zone) from which the digest is sent. */
    digestHour: z.number().int(),
    version: z.number().int().positive(),
  })
  .meta({ id: 'MyPreferences' });
export type MyPreferences = z.infer<typeof MyPreferencesSchema>;

/** What the member changes; what is left out stays as it is. */
export const MyPreferencesChangeSchema = z.strictObject({
  timeZone: TimeZoneNameSchema.optional(),
  language: z.enum(memberLanguages).optional(),
  dailyDigest: z.boolean().optional(),
  quoteAnswerMail: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
});
export type MyPreferencesChange = z.output<typeof MyPreferencesChangeSchema>;

/**
 * What the pane found out at sign-in: the mailbox's time zone as Outlook names it (Windows `Romance Standard Time` or
 * IANA `Europe/Madrid`, depending on the host) and Office's display language (`pt-BR`). Only what the member has not
 * set yet is filled; a zone or language Rapport does not know is left out.
 */
export const DetectedPreferencesSchema = z.strictObject({
  timeZone: z.string().max(100).optional(),
  displayLanguage: z.string().max(35).optional(),
});
export type DetectedPreferences = z.output<typeof DetectedPreferencesSchema>;

export const myPreferencesRoute = defineRoute({
  name: 'get-my-preferences',
  method: 'GET',
  path: '/api/me/preferences',
  summary: `The signed-in member's time zone, language and morning digest (opted in or not, and the hour it is sent from: ${DEFAULT_DIGEST_HOUR}:00 unless chosen)`,
  tag: 'Member',
  auth: 'user',
  success: { status: 200, schema: MyPreferencesSchema, description: 'The preferences; version goes back in If-Match to change them' },
});

export const updateMyPreferencesRoute = defineRoute({
  name: 'update-my-preferences',
  method: 'PATCH',
  path: '/api/me/preferences',
  summary: "Change the signed-in member's own time zone, language, morning digest or its hour (422 MEMBER.UNKNOWN_TIME_ZONE for a zone that is not one)",
  tag: 'Member',
  auth: 'user',
  body: MyPreferencesChangeSchema,
  success: { status: 200, schema: MyPreferencesSchema, description: 'The preferences after the change' },
  errors: [412, 413, 422, 428],
  ifMatch: true,
});

export const detectedPreferencesRoute = defineRoute({
  name: 'detected-preferences',
  method: 'POST',
  path: '/api/me/preferences/detected',
  summary: "At sign-in, the pane says the mailbox's time zone and Office's display language: they fill the member's time zone and language where not set yet (never over what the member chose)",
  tag: 'Member',
  auth: 'user',
  body: DetectedPreferencesSchema,
  success: { status: 200, schema: MyPreferencesSchema, description: 'The preferences, filled' },
  errors: [413],
});
