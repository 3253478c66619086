import { GraphCallError, type AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import type { Store, WorkItem } from '../store/store';
import { QUOTE_ANSWER_MAIL_JOB, quoteAnswerMail } from './quote-answer-mail';

const PER_RUN = 100;
// A send Graph refused for now is tried again this much later, up to the last try.
const RETRY_MINUTES = 5;
const MAX_TRIES = 6;

export type QuoteAnswerMailPayload = { quoteId: string; memberId: string };

/** Queues the rep's mail about a customer's answer (once per quote and answer: queueing again changes nothing). */
export async function queueQuoteAnswerMail(store: Store, item: { tenantId: string; quoteId: string; memberId: string; decision: string; at: string }): Promise<void> {
  await store.queueWork({
    job: QUOTE_ANSWER_MAIL_JOB,
    key: `${item.tenantId}|${item.quoteId}|${item.decision}`,
    tenantId: item.tenantId,
    dueAt: item.at,
    attempts: 0,
    payload: { quoteId: item.quoteId, memberId: item.memberId } satisfies QuoteAnswerMailPayload,
    createdAt: item.at,
  });
}

/**
 * Every minute: the queued answers' mails, sent by the application from the rep's own mailbox to themselves (as the
 * morning digest is). Each try is claimed before Graph is called, so two runs never send one mail twice.
 */
export function quoteAnswerMailJob(deps: { store: Store; graph: AppGraph; pagesUrl: string | undefined }): Job {
  return {
    name: QUOTE_ANSWER_MAIL_JOB,
    everyMinutes: 1,
    run: async ({ at }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(QUOTE_ANSWER_MAIL_JOB, at.toISOString(), PER_RUN);
      const notes: string[] = [];
      let done = 0;
      for (const item of due) {
        try {
          const outcome = await send(deps, item, at, notes);
          if (outcome === 'sent') done++;
          if (outcome === 'stop') break;
        } catch (error) {
          // One mail that cannot be put together (a read failed) must not hold up the others: tried at the next run.
          notes.push(`${item.key}: ${error instanceof Error ? error.message : String(error)}`);
          await deps.store.saveWork({ ...item, dueAt: new Date(at.getTime() + RETRY_MINUTES * 60_000).toISOString() });
        }
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

async function send(deps: { store: Store; graph: AppGraph; pagesUrl: string | undefined }, item: WorkItem, at: Date, notes: string[]): Promise<'sent' | 'skipped' | 'stop'> {
  const { store, graph } = deps;
  const { quoteId, memberId } = item.payload as QuoteAnswerMailPayload;
  const [quote, member] = await Promise.all([store.get('quote', item.tenantId, quoteId), store.get('member', item.tenantId, memberId)]);
  if (!quote?.answer || !member?.email || member.quoteAnswerMail !== true || member.deactivated) {
    await store.removeWork(QUOTE_ANSWER_MAIL_JOB, item.key);
    return 'skipped';
  }
  // This try is this run's alone: another run (or instance) that claimed it sends it, or sent it and stopped before
  // taking it off the queue. Either way it leaves this queue, so a stopped run never leaves it first in line for good:
  // the mail goes at most once.
  if (!(await store.claimJobRun(`${QUOTE_ANSWER_MAIL_JOB}:${item.key}#${item.attempts + 1}`, QUOTE_ANSWER_MAIL_JOB, at.toISOString()))) {
    await store.removeWork(QUOTE_ANSWER_MAIL_JOB, item.key);
    return 'skipped';
  }
  const deal = await store.get('deal', item.tenantId, quote.dealId);
  const { subject, html } = quoteAnswerMail(quote, deal?.name ?? '', member.language ?? 'en', deps.pagesUrl);
  try {
    await graph.sendMail(item.tenantId, member.email, {
      subject,
      body: { contentType: 'html', content: html },
      toRecipients: [{ emailAddress: { address: member.email, name: member.displayName } }],
    });
  } catch (error) {
    const retryable = !(error instanceof GraphCallError) || error.status === 429 || error.status >= 500;
    const why = error instanceof GraphCallError ? `Graph answered ${error.status} (${error.graphCode})` : `Graph did not answer (${error instanceof Error ? error.message : String(error)})`;
    if (retryable && item.attempts + 1 < MAX_TRIES) {
      notes.push(`${item.key}: ${why}; tried again in ${RETRY_MINUTES} minutes`);
      await store.saveWork({ ...item, attempts: item.attempts + 1, dueAt: new Date(at.getTime() + RETRY_MINUTES * 60_000).toISOString() });
      return error instanceof GraphCallError && error.status === 429 ? 'stop' : 'skipped';
    }
    notes.push(`${item.key}: ${why}; given up`);
    await store.removeWork(QUOTE_ANSWER_MAIL_JOB, item.key);
    return 'skipped';
  }
  await store.removeWork(QUOTE_ANSWER_MAIL_JOB, item.key);
  return 'sent';
}
