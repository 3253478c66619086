import { GraphCallError, type AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import type { Store, WorkItem } from '../store/store';
import type { LogTargets, MailLogService } from './mail-log.service';
import { threadRef } from '@rapport/shared';
import { LOG_SENT_MAIL_JOB, type CapturePayload } from './sent-mail-captures';

/** Captures handled per run: the rest wait for the next minute. */
const PER_RUN = 200;
/** How long a message is looked for: a draft that was never sent (the rep chose "Don't send") is dropped after it. */
const GIVE_UP_AFTER_MS = 2 * 24 * 60 * 60_000;
/** The waits between looks, longer each time (then the last one again). */
const RETRY_MINUTES = [1, 2, 5, 15, 60, 240];
/** Tries of a capture whose message was found but could not be logged. */
const MAX_TRIES = 5;

export type LogSentMailDependencies = { store: Store; graph: AppGraph; mailLog: MailLogService };

/**
 * Every minute: for each message that was to be logged after sending, look for it in the rep's Sent Items by its
 * marker; log it (to the people on it, and the deal the rep chose) and follow its thread, or look again later.
 */
export function logSentMailJob(deps: LogSentMailDependencies): Job {
  return {
    name: LOG_SENT_MAIL_JOB,
    everyMinutes: 1,
    run: async ({ at }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(LOG_SENT_MAIL_JOB, at.toISOString(), PER_RUN);
      const notes: string[] = [];
      let done = 0;
      for (const item of due) {
        const capture = item.payload as CapturePayload;
        try {
          const outcome = await logCapture(deps, item, capture, at, notes);
          if (outcome === 'stop') break;
          if (outcome === 'logged') done++;
        } catch (error) {
          // One capture that cannot be logged (a deal deleted since, a record refused) must not hold up the others: it
          // is tried again later, and dropped after a few tries.
          await retryLater(deps.store, item, at, notes, `${capture.marker}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

/** Looks for one capture's message and logs it: `stop` when Graph is busy or down (the rest wait for the next run). */
async function logCapture(deps: LogSentMailDependencies, item: WorkItem, capture: CapturePayload, at: Date, notes: string[]): Promise<'logged' | 'waiting' | 'stop'> {
  const actor = { tenantId: item.tenantId, userId: capture.userId };
  let message;
  try {
    message = await deps.graph.sentMessageByMarker(item.tenantId, capture.mailbox, capture.marker);
  } catch (error) {
    if (error instanceof GraphCallError && (error.status === 429 || error.status >= 500)) {
      notes.push(`Graph answered ${error.status}: the rest wait for the next run`);
      return 'stop';
    }
    if (error instanceof GraphCallError && (error.status === 403 || error.status === 404)) {
      // The mailbox is outside the application access scope, or gone: looking again would not change that.
      notes.push(`${capture.mailbox}: Graph answered ${error.status} (${error.graphCode}); not logged`);
      await deps.store.removeWork(LOG_SENT_MAIL_JOB, item.key);
      return 'waiting';
    }
    throw error;
  }
  if (!message) {
    await lookAgainLater(deps.store, item, at, notes);
    return 'waiting';
  }
  // A reply in a thread the rep follows goes to the thread's records too (its case, lead, company), with the deal chosen.
  const thread = capture.conversationId ? await deps.store.findByExternalRef('thread', item.tenantId, threadRef(capture.userId, capture.conversationId)) : null;
  const targets: LogTargets = thread?.following
    ? { contactIds: thread.contactIds, companyId: thread.companyId, dealId: capture.dealId ?? thread.dealId, leadId: thread.leadId, caseId: thread.caseId }
    : capture.dealId ? { dealId: capture.dealId } : {};
  const outcome = await deps.mailLog.log(actor, message, targets, { mailbox: capture.mailbox });
  // Followed also when an earlier run logged it and stopped before following (this one finds it logged).
  const activity = outcome.status === 'logged' ? outcome.activity : outcome.status === 'already-logged' ? await deps.store.get('activity', item.tenantId, outcome.activityId) : null;
  if (activity) await deps.mailLog.follow(actor, activity, capture.mailbox, message.sentDateTime);
  await deps.store.removeWork(LOG_SENT_MAIL_JOB, item.key);
  return outcome.status === 'logged' ? 'logged' : 'waiting';
}

/** A capture that failed: tried again later, and dropped (with a note) after MAX_TRIES. */
async function retryLater(store: Store, item: WorkItem, at: Date, notes: string[], why: string): Promise<void> {
  if (item.attempts + 1 >= MAX_TRIES) {
    notes.push(`${why}; dropped after ${MAX_TRIES} tries`);
    await store.removeWork(LOG_SENT_MAIL_JOB, item.key);
    return;
  }
  notes.push(`${why}; tried again later`);
  await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + 15 * 60_000).toISOString() });
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
