import { CrmError, type Thread } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordService } from '../services/records.service';
import type { RecordWriter } from '../services/record-writer';
import type { Store } from '../store/store';
import type { MailLogService } from './mail-log.service';
import { queueAttachmentsOf } from './keep-attachments.job';

export type ThreadFollowDependencies = { store: Store; records: RecordService; writer: RecordWriter; mailLog: MailLogService; now: () => Date };

/** "Follow this thread" from the pane: a logged e-mail's conversation, followed by the caller to its records. */
export class ThreadFollowService {
  constructor(private readonly deps: ThreadFollowDependencies) {}

  async follow(principal: Principal, activityId: string): Promise<Thread> {
    const activity = await this.deps.records.get('activity', principal, activityId);
    if (activity.kind !== 'email' || !activity.conversationId) {
      throw new CrmError('conflict', 'THREAD.NO_CONVERSATION', 'This activity is not an e-mail of a conversation: only logged e-mails can be followed.', { field: 'activityId' });
    }
    const member = await this.deps.store.get('member', principal.tenantId, principal.userId);
    if (!member?.email) throw new CrmError('conflict', 'THREAD.NO_MAILBOX', 'Your member record has no e-mail address: the thread cannot be read from your mailbox.');
    const actor = { tenantId: principal.tenantId, userId: principal.userId };
    // The pane logs an e-mail and follows it at once; it cannot read the e-mail's attachments, so a job keeps them.
    await queueAttachmentsOf(this.deps.store, actor, activity, member.email, this.deps.now());
    const thread = await this.deps.mailLog.follow(actor, activity, member.email);
    if (!thread) throw new CrmError('conflict', 'THREAD.NO_CONVERSATION', 'This e-mail has no conversation to follow.', { field: 'activityId' });
    if (thread.following) return thread;
    // Stopped before: following it again is what the rep asked for now.
    const followed = await this.deps.writer.change('thread', actor, thread, { following: true });
    await this.deps.mailLog.watchMailbox(actor, member.email);
    return followed;
  }
}
