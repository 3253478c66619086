import { z } from 'zod';
import { AttachmentNoteSchema } from '../documents/document.schema';
import { IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';

export const activityKinds = ['email', 'call', 'meeting', 'task', 'note'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const contactMethods = ['phone', 'online-meeting', 'in-person', 'email'] as const;
export const activityStatuses = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityOutcomes = [
  'held',
  'no-show',
  'rescheduled',
  'cancelled',
  'connected',
  'left-voicemail',
  'no-answer',
  'replied',
  'completed',
] as const;
import { taskPriorities } from './task-priorities';
import { callDirections } from './call-directions';
import { ACTIVITY_DURATION_MAX, ACTIVITY_NOTES_MAX, ACTIVITY_SUBJECT_MAX } from './activity-limits';

export { taskPriorities, type TaskPriority } from './task-priorities';
export { callDirections, type CallDirection } from './call-directions';
export { outcomesAfterStart, outcomeAllowedAt, activityEnd, OUTCOME_CLOCK_GRACE_MS } from './activity-outcomes';

export const ParticipantSchema = z.strictObject({
  email: EmailAddressSchema,
  name: shortText(200).optional(),
  role: z.enum(['from', 'to', 'cc', 'organizer', 'attendee']).optional(),
});

export const ActivityInputSchema = z.strictObject({
  kind: z.enum(activityKinds),
  subject: shortText(ACTIVITY_SUBJECT_MAX),
  summary: longText(2_000).optional(),
  // When it happened, or when it is due for planned items.
  at: TimestampSchema,
  durationMinutes: z.number().int().min(0).max(ACTIVITY_DURATION_MAX).optional(),
  contactMethod: z.enum(contactMethods).optional(),
  status: z.enum(activityStatuses).optional(),
  outcome: z.enum(activityOutcomes).optional(),
  // A call's: optional, as calls logged before it was asked have none.
  direction: z.enum(callDirections).optional(),
  notes: longText(ACTIVITY_NOTES_MAX).optional(),
  priority: z.enum(taskPriorities).optional(),
  participants: z.array(ParticipantSchema).max(100).default([]),
  contactIds: z.array(IdSchema).max(50).default([]),
  companyId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  leadId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  internetMessageId: shortText(998).optional(),
  /** An e-mail's conversation: the thread a followed conversation's later messages are logged with. */
  conversationId: shortText(512).optional(),
  graphEventId: shortText(512).optional(),
  iCalUId: shortText(512).optional(),
  ownerId: IdSchema.optional(),
});
export type ActivityInput = z.input<typeof ActivityInputSchema>;

export const ActivitySchema = z.object({
  ...ActivityInputSchema.shape,
  ...SystemFieldsSchema.shape,
  status: z.enum(activityStatuses),
  /** A logged e-mail's attachments: each kept as a document, or named with why it was left out. */
  attachments: z.array(AttachmentNoteSchema).max(250).optional(),
}).meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityPatchSchema = patchSchemaOf(ActivityInputSchema);

/** A new activity's status when none is given: tasks and future items are planned, the rest done. */
export function defaultActivityStatus(kind: ActivityKind, at: string, now: string): ActivityStatus {
  if (kind === 'task') return 'planned';
  return Date.parse(at) > Date.parse(now) ? 'planned' : 'done';
}
export type ActivityPatch = z.input<typeof ActivityPatchSchema>;
