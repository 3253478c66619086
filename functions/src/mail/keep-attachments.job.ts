import type { Activity } from '@rapport/shared';
import { GraphCallError, type AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import type { Actor } from '../kinds/kind-hooks';
import type { Store, WorkItem } from '../store/store';
import type { MailLogService } from './mail-log.service';

/** Keeps the attachments of e-mails reps logged in the pane, which cannot read them: one work item per e-mail. */
export const KEEP_ATTACHMENTS_JOB = 'keep-attachments';

type KeepPayload = { userId: string; mailbox: string; activityId: string; internetMessageId: string };

const PER_RUN = 100;
/** The waits before looking again for a message Graph does not have (yet): then it is dropped. */
const RETRY_MINUTES = [1, 5, 15, 60];

/** Queues an e-mail the rep logged in the pane (once: queueing it again changes nothing). */
export async function queueAttachmentsOf(store: Store, actor: Actor, email: Activity, mailbox: string, now: Date): Promise<void> {
  if (!email.internetMessageId) return;
  const payload: KeepPayload = { userId: actor.userId, mailbox, activityId: email.id, internetMessageId: email.internetMessageId };
  const at = now.toISOString();
  await store.queueWork({ job: KEEP_ATTACHMENTS_JOB, key: `${actor.tenantId}|${email.id}`, tenantId: actor.tenantId, dueAt: at, attempts: 0, payload, createdAt: at });
}

export type KeepAttachmentsDependencies = { store: Store; graph: AppGraph; mailLog: MailLogService };

/** Every minute: finds each queued e-mail in the rep's mailbox by its internet message id and keeps its attachments. */
export function keepAttachmentsJob(deps: KeepAttachmentsDependencies): Job {
  return {
    name: KEEP_ATTACHMENTS_JOB,
    everyMinutes: 1,
    run: async ({ at }): Promise<JobOutcome> => {
      const notes: string[] = [];
      let done = 0;
      for (const item of await deps.store.dueWork(KEEP_ATTACHMENTS_JOB, at.toISOString(), PER_RUN)) {
        const keep = item.payload as KeepPayload;
        try {
          const message = await deps.graph.messageByInternetId(item.tenantId, keep.mailbox, keep.internetMessageId);
          const email = message ? await deps.store.get('activity', item.tenantId, keep.activityId) : null;
          if (message && email) {
            await deps.mailLog.completeAttachments({ tenantId: item.tenantId, userId: keep.userId }, email, keep.mailbox, message);
            done++;
          }
          if (message || !(await lookAgainLater(deps.store, item, at))) await deps.store.removeWork(KEEP_ATTACHMENTS_JOB, item.key);
        } catch (error) {
          const busy = error instanceof GraphCallError && (error.status === 0 || error.status === 429 || error.status >= 500);
          notes.push(`${keep.activityId}: ${error instanceof Error ? error.message : String(error)}`);
          // Graph busy or down: the rest wait for the next run. Anything else: tried again later, then dropped.
          if (busy) break;
          if (!(await lookAgainLater(deps.store, item, at))) await deps.store.removeWork(KEEP_ATTACHMENTS_JOB, item.key);
        }
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

/** Puts the item off for its next wait; false when it has had them all. */
async function lookAgainLater(store: Store, item: WorkItem, at: Date): Promise<boolean> {
  const wait = RETRY_MINUTES[item.attempts];
  if (wait === undefined) return false;
  await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + wait * 60_000).toISOString() });
  return true;
}
