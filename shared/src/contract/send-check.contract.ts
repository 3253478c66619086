import { z } from 'zod';
import { IdSchema, TimestampSchema, shortText } from '../common/record.schema';
import { LOG_MARKER_PATTERN } from '../email/mail-capture';
import { MAX_SEND_CHECK_RECIPIENTS } from '../send-checks/send-check.rules';
import { defineRoute } from './route';

// A field of recipients as Outlook gives them: bare addresses, or with display names (`"Doe, John" <john@contoso.com>`).
const RecipientsSchema = z.array(z.string().min(1).max(1_000)).max(MAX_SEND_CHECK_RECIPIENTS).default([]);

export const SendCheckRequestSchema = z
  .strictObject({
    to: RecipientsSchema,
    cc: RecipientsSchema,
    bcc: RecipientsSchema,
    /** The deal the message is about, when the rep chose one: checked for staleness even if no recipient is on it. */
    dealId: IdSchema.optional(),
    /** The conversation a reply belongs to: a followed thread's message is logged to the thread's records. */
    conversationId: shortText(512).optional(),
    /**
     * Log on send: the rep's choice on this message (`auto` when they made none: logged when a recipient is a contact or
     * a lead, as the tenant's setting says), and the marker the message already carries when Send is pressed again.
     */
    log: z
      .strictObject({
        choice: z.enum(['auto', 'on', 'off']).default('auto'),
        marker: z.string().max(22).regex(LOG_MARKER_PATTERN, 'must be the marker an earlier check gave').optional(),
      })
      .optional(),
  })
  .refine((request) => request.to.length + request.cc.length + request.bcc.length <= MAX_SEND_CHECK_RECIPIENTS, {
    message: `at most ${MAX_SEND_CHECK_RECIPIENTS} recipients in to, cc and bcc together`,
    path: ['to'],
  });
export type SendCheckRequest = z.output<typeof SendCheckRequestSchema>;

/** Each alert names the recipient it is about (address, and the CRM's name for them when it has one). */
const About = { email: z.string(), name: z.string().nullable() };

export const SendAlertSchema = z.discriminatedUnion('kind', [
  /** No contact and no lead has this address (colleagues and the tenant's own domains never count). */
  z.object({ kind: z.literal('not-in-crm'), ...About }),
  /** An open case marked urgent, of the recipient's contact or their company. */
  z.object({ kind: z.literal('urgent-case'), ...About, caseId: z.string(), number: z.number().int(), subject: z.string() }),
  /** A planned task linked to the recipient's contact whose due time has passed. */
  z.object({ kind: z.literal('overdue-promise'), ...About, activityId: z.string(), subject: z.string(), dueAt: TimestampSchema }),
  /** An open deal of the recipient's contact or company (or the one the message is about) with no activity for more than `days` days. */
  z.object({ kind: z.literal('stale-deal'), ...About, dealId: z.string(), dealName: z.string(), lastWorkedAt: TimestampSchema, days: z.number().int() }),
  /** The message will be logged, and this recipient is on a never-log list (the tenant's, or the rep's own): they are left out of the log. */
  z.object({ kind: z.literal('never-log'), ...About, list: z.enum(['tenant', 'mine']) }),
]);
export type SendAlert = z.infer<typeof SendAlertSchema>;

export const SendCheckResponseSchema = z
  .object({
    /** What the rep should know before sending, the recipients not in the CRM first; empty: nothing to say. */
    alerts: z.array(SendAlertSchema),
    /** The tenant's setting the stale-deal check used. */
    staleDealDays: z.number().int(),
    /**
     * When the message will be logged after it is sent: the marker to put on it (the `x-rapport-log` internet header),
     * by which a job finds it in the rep's Sent Items. Null: it will not be logged.
     */
    log: z.object({ marker: z.string() }).nullable(),
  })
  .meta({ id: 'SendCheck' });
export type SendCheckResponse = z.infer<typeof SendCheckResponseSchema>;

export const sendCheckRoute = defineRoute({
  name: 'send-check',
  method: 'POST',
  path: '/api/send-check',
  summary:
    "What the rep should know about a message's recipients before it is sent: who is not in the CRM, urgent open cases, overdue promises, deals gone quiet",
  tag: 'Outlook',
  auth: 'user',
  body: SendCheckRequestSchema,
  readOnly: true,
  success: { status: 200, schema: SendCheckResponseSchema, description: 'The alerts, in the order to show them' },
});
