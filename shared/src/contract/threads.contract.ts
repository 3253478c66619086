import { z } from 'zod';
import { IdSchema } from '../common/record.schema';
import { ThreadSchema } from '../threads/thread.schema';
import { defineRoute } from './route';

export const FollowThreadRequestSchema = z.strictObject({
  /** A logged e-mail: its conversation is followed, to the records it was logged to. */
  activityId: IdSchema,
});

export const followThreadRoute = defineRoute({
  name: 'follow-thread',
  method: 'POST',
  path: '/api/threads/follow',
  summary:
    "Follow a logged e-mail's conversation: its later messages, in and out, are logged to the same records without a click (a job reads the rep's mailbox), until the rep stops following it (PATCH the thread with following: false)",
  tag: 'Outlook',
  auth: 'user',
  body: FollowThreadRequestSchema,
  success: { status: 200, schema: ThreadSchema, description: 'The thread, followed (the one the rep had, following again, when there was one)' },
  errors: [409],
});
