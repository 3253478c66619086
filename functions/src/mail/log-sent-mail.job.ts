import { GraphCallError, type AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import type { Store, WorkItem } from '../store/store';
import type { MailLogService } from './mail-log.service';
import { LOG_SENT_MAIL_JOB, type CapturePayload } from './sent-mail-captures';

/** Captures handled per run: the rest wait for the next minute. */
const PER_RUN = 200;
/** How long a message is looked for: a draft that was never sent (the rep chose "Don't send") is dropped after it. */
const GIVE_UP_AFTER_MS = 2 * 24 * 60 * 60_000;
/** The waits between looks, longer each time (then the last one again). */
const RETRY_MINUTES = [1, 2, 5, 15, 60, 240];

export type LogSentMailDependencies = { store: Store; graph: AppGraph; mailLog: MailLogService };

/**
 * Every minute: for each message that was to be logged after sending, look for it in the rep's Sent Items by its
 * marker; log it (to the people on it, and the deal the rep chose) and follow its thread, or look again later.
 */
export function logSentMailJob(deps: LogSentMailDependencies): Job {
  return {
    name: LOG_SENT_MAIL_JOB,
    everyMinutes: 1,
    run: async ({ at, log }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(LOG_SENT_MAIL_JOB, at.toISOString(), PER_RUN);
      const notes: string[] = [];
      let done = 0;
      for (const item of due) {
        const capture = item.payload as CapturePayload;
        const actor = { tenantId: item.tenantId, userId: capture.userId };
        let message;
        try {
          message = await deps.graph.sentMessageByMarker(item.tenantId, capture.mailbox, capture.marker);
        } catch (error) {
          if (error instanceof GraphCallError && (error.status === 429 || error.status >= 500)) {
            // Graph is busy or down: every other look would fail the same way; this run stops, the next one goes on.
            notes.push(`Graph answered ${error.status}: the rest wait for the next run`);
            break;
          }
          if (error instanceof GraphCallError && (error.status === 403 || error.status === 404)) {
            // The mailbox is outside the application access scope, or gone: looking again would not change that.
            notes.push(`${capture.mailbox}: Graph answered ${error.status} (${error.graphCode}); not logged`);
            await deps.store.removeWork(LOG_SENT_MAIL_JOB, item.key);
            continue;
          }
          throw error;
        }
        if (!message) {
          await lookAgainLater(deps.store, item, at, notes);
          continue;
        }
        const outcome = await deps.mailLog.log(actor, message, capture.dealId ? { dealId: capture.dealId } : {});
        if (outcome.status === 'logged') await deps.mailLog.follow(actor, outcome.activity, capture.mailbox);
        await deps.store.removeWork(LOG_SENT_MAIL_JOB, item.key);
        done++;
        log(`${capture.marker}: ${outcome.status}`);
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

async function lookAgainLater(store: Store, item: WorkItem, at: Date, notes: string[]): Promise<void> {
  if (at.getTime() - Date.parse(item.createdAt) > GIVE_UP_AFTER_MS) {
    notes.push(`${item.key}: not in Sent Items after two days (never sent?); dropped`);
    await store.removeWork(LOG_SENT_MAIL_JOB, item.key);
    return;
  }
  const wait = RETRY_MINUTES[Math.min(item.attempts, RETRY_MINUTES.length - 1)] ?? 60;
  await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + wait * 60_000).toISOString() });
}
