import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, shortText } from '../common/record.schema';
import { ACTIVITY_SUBJECT_MAX } from '../activities/activity-limits';

/**
 * A conversation a rep follows: once one of its messages is logged to records, the later ones (in and out) are logged
 * to the same records by a job, until the rep stops following it. One per rep and conversation.
 */
export const ThreadInputSchema = z.strictObject({
  /** Outlook's conversation id, the same for every message of the thread in the rep's mailbox. */
  conversationId: shortText(512),
  subject: z.string().trim().max(ACTIVITY_SUBJECT_MAX).default(''),
  contactIds: z.array(IdSchema).max(50).default([]),
  companyId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  leadId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  /** False: the rep stopped following it; later messages are no longer logged. */
  following: z.boolean().default(true),
  ownerId: IdSchema.optional(),
});
export type ThreadInput = z.input<typeof ThreadInputSchema>;

export const ThreadSchema = z.object({ ...ThreadInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'Thread' });
export type Thread = z.infer<typeof ThreadSchema>;

/**
 * A thread is changed only by following it or not: what its messages are logged to is the logged e-mail's, so nobody
 * (a manager included) sends a rep's mail somewhere else by editing it.
 */
export const ThreadPatchSchema = z.strictObject({ following: z.boolean().optional() });
export type ThreadPatch = z.input<typeof ThreadPatchSchema>;

/** The external id that makes a thread one per rep and conversation. */
export function threadRef(ownerId: string, conversationId: string): string {
  return `thread:${ownerId}:${conversationId}`;
}
