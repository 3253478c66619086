import type { Thread } from '@rapport/shared';
import { GraphCallError, type AppGraph, type DeltaStart, type MailFolder } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import { listUpTo } from '../store/list-up-to';
import type { Store, WorkItem } from '../store/store';
import { FOLLOW_THREADS_JOB, type MailLogService } from './mail-log.service';

/** Reps' mailboxes read per run. */
const PER_RUN = 100;
/** A rep's followed threads read per round: more wait until some are stopped (the pane says how many are followed). */
const MAX_THREADS = 500;
const EVERY_MINUTES = 5;
const FOLDERS: readonly MailFolder[] = ['inbox', 'sentitems'];

/** What the job keeps per rep between rounds: where each folder's next delta round starts. */
type MailboxWatch = { userId: string; mailbox: string; since: string; deltaLinks?: Partial<Record<MailFolder, string>>; roundAt?: string };

export type FollowThreadsDependencies = { store: Store; graph: AppGraph; mailLog: MailLogService };

/**
 * Every five minutes: for each rep who follows threads, what came into their Inbox and went out of their Sent Items
 * since the last round (Graph delta queries); each message of a followed conversation is logged to the thread's
 * records. Incoming mail raises no Outlook event, so this is how a customer's reply reaches the CRM without a click.
 */
export function followThreadsJob(deps: FollowThreadsDependencies): Job {
  return {
    name: FOLLOW_THREADS_JOB,
    everyMinutes: EVERY_MINUTES,
    run: async ({ at, log }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(FOLLOW_THREADS_JOB, at.toISOString(), PER_RUN);
      const notes: string[] = [];
      let done = 0;
      for (const item of due) {
        const watch = item.payload as MailboxWatch;
        const threads = await followedThreads(deps.store, item.tenantId, watch.userId);
        if (threads.size === 0) {
          // Nothing followed any more: the mailbox is no longer read (following a thread again queues it anew).
          await deps.store.removeWork(FOLLOW_THREADS_JOB, item.key);
          continue;
        }
        try {
          const round = await readMailbox(deps, item, watch, threads, at);
          done += round.logged;
          notes.push(...round.failed);
        } catch (error) {
          if (!(error instanceof GraphCallError)) throw error;
          notes.push(`${watch.mailbox}: Graph answered ${error.status} (${error.graphCode})`);
          if (error.status === 429 || error.status >= 500) break;
          // Outside the access scope or gone: tried again next round, in case an admin changes the scope.
          await deps.store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + EVERY_MINUTES * 60_000).toISOString() });
        }
      }
      if (done > 0) log(`${done} message(s) of followed threads logged`);
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

async function readMailbox(deps: FollowThreadsDependencies, item: WorkItem, watch: MailboxWatch, threads: Map<string, Thread>, at: Date): Promise<{ logged: number; failed: string[] }> {
  const actor = { tenantId: item.tenantId, userId: watch.userId };
  const deltaLinks = { ...watch.deltaLinks };
  const failed: string[] = [];
  let logged = 0;
  for (const folder of FOLDERS) {
    const link = deltaLinks[folder];
    const start: DeltaStart = link ? { deltaLink: link } : { since: watch.since };
    let changes;
    try {
      changes = await deps.graph.messageChanges(item.tenantId, watch.mailbox, folder, start);
    } catch (error) {
      // Graph forgets a delta state after a while (410 SyncStateNotFound): the round starts again from the last one's time.
      if (!(error instanceof GraphCallError && error.status === 410 && link)) throw error;
      changes = await deps.graph.messageChanges(item.tenantId, watch.mailbox, folder, { since: watch.roundAt ?? watch.since });
    }
    // A message Graph would not give now (busy, down) holds the folder's round where it was: the next round reads it
    // again (the messages logged meanwhile are found logged, at one read each).
    let again = false;
    for (const message of changes.messages) {
      const thread = threads.get(message.conversationId);
      if (!thread) continue;
      try {
        const outcome = await deps.mailLog.log(
          actor,
          message,
          { contactIds: thread.contactIds, companyId: thread.companyId, dealId: thread.dealId, leadId: thread.leadId, caseId: thread.caseId },
          { customersOnly: true, mailbox: watch.mailbox },
        );
        if (outcome.status === 'logged') logged++;
      } catch (error) {
        // One message that cannot be logged (a record of the thread deleted since) does not stop the mailbox's round.
        failed.push(`${message.internetMessageId}: ${error instanceof Error ? error.message : String(error)}`);
        if (error instanceof GraphCallError && (error.status === 0 || error.status === 429 || error.status >= 500)) again = true;
      }
    }
    if (!again) deltaLinks[folder] = changes.deltaLink;
  }
  await deps.store.saveWork({ ...item, attempts: 0, payload: { ...watch, deltaLinks, roundAt: at.toISOString() }, dueAt: new Date(at.getTime() + EVERY_MINUTES * 60_000).toISOString() });
  return { logged, failed };
}

/** The rep's followed threads by conversation. */
async function followedThreads(store: Store, tenantId: string, userId: string): Promise<Map<string, Thread>> {
  const { items } = await listUpTo(store, 'thread', tenantId, { ownerId: userId }, MAX_THREADS);
  return new Map(items.filter((thread) => thread.following).map((thread) => [thread.conversationId, thread]));
}
