import { GraphCallError } from '../graph/app-graph';
import type { JobOutcome } from './job';
import type { Store, WorkItem } from '../store/store';

/** How a queued mail's try went: sent; another run has it; tried again later (Graph said wait: stop this run); let go. */
export type MailTry = 'sent' | 'claimed' | 'later' | 'stop' | 'given-up';

export type MailTryOptions = { job: string; retryMinutes: number; maxTries: number };

/**
 * One try of a queued mail, at most once: the try is claimed before Graph is called, so two runs (or instances) never
 * send it twice; a run that claimed it and stopped before taking it off the queue leaves it there for nobody. A send
 * Graph refused for now (429, 5xx, no answer) is queued again `retryMinutes` later, up to `maxTries`; any other refusal
 * lets it go. The item stays queued after a send that needs more done (`keep`): the caller takes it off.
 */
export async function tryMail(store: Store, item: WorkItem, at: Date, notes: string[], options: MailTryOptions, send: () => Promise<void>): Promise<MailTry> {
  // The claim's slot (after @) is the item's month: claims are kept by month, and each try has one key.
  if (!(await store.claimJobRun(`${options.job}:${item.key}#${item.attempts + 1}@${item.createdAt}`, options.job, at.toISOString()))) {
    await store.removeWork(options.job, item.key);
    return 'claimed';
  }
  try {
    await send();
    return 'sent';
  } catch (error) {
    const retryable = !(error instanceof GraphCallError) || error.status === 429 || error.status >= 500;
    const why = error instanceof GraphCallError ? `Graph answered ${error.status} (${error.graphCode})` : `Graph did not answer (${error instanceof Error ? error.message : String(error)})`;
    if (retryable && item.attempts + 1 < options.maxTries) {
      notes.push(`${item.key}: ${why}; tried again in ${options.retryMinutes} minutes`);
      await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + options.retryMinutes * 60_000).toISOString() });
      return error instanceof GraphCallError && error.status === 429 ? 'stop' : 'later';
    }
    notes.push(`${item.key}: ${why}; given up`);
    await store.removeWork(options.job, item.key);
    return 'given-up';
  }
}

/**
 * One run of a job that sends queued mails: up to `perRun` items due, each handled on its own (one that cannot be put
 * together, a read failed, is tried again `retryMinutes` later without holding up the others, up to `maxTries`),
 * stopping when Graph says to wait. Counts the mails sent.
 */
export async function runQueuedMails(
  store: Store,
  options: { job: string; perRun: number; retryMinutes: number; maxTries: number; at: Date },
  handle: (item: WorkItem, notes: string[]) => Promise<'sent' | 'skipped' | 'stop'>,
): Promise<JobOutcome> {
  const { at } = options;
  const due = await store.dueWork(options.job, at.toISOString(), options.perRun);
  const notes: string[] = [];
  let done = 0;
  for (const item of due) {
    try {
      const outcome = await handle(item, notes);
      if (outcome === 'sent') done++;
      if (outcome === 'stop') break;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (item.attempts + 1 >= options.maxTries) {
        notes.push(`${item.key}: ${why}; given up`);
        await store.removeWork(options.job, item.key);
      } else {
        notes.push(`${item.key}: ${why}; tried again in ${options.retryMinutes} minutes`);
        await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + options.retryMinutes * 60_000).toISOString() });
      }
    }
  }
  return { done, ...(notes.length > 0 ? { notes } : {}) };
}
