import type { AppGraph } from '../graph/app-graph';
import { runQueuedMails, tryMail } from '../jobs/mail-tries';
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
    run: ({ at }): Promise<JobOutcome> => runQueuedMails(deps.store, { job: QUOTE_ANSWER_MAIL_JOB, perRun: PER_RUN, retryMinutes: RETRY_MINUTES, maxTries: MAX_TRIES, at }, (item, notes) => send(deps, item, at, notes)),
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
  const email = member.email;
  const outcome = await tryMail(store, item, at, notes, { job: QUOTE_ANSWER_MAIL_JOB, retryMinutes: RETRY_MINUTES, maxTries: MAX_TRIES }, async () => {
    const deal = await store.get('deal', item.tenantId, quote.dealId);
    const { subject, html } = quoteAnswerMail(quote, deal?.name ?? '', member.language ?? 'en', deps.pagesUrl);
    await graph.sendMail(item.tenantId, email, {
      subject,
      body: { contentType: 'html', content: html },
      toRecipients: [{ emailAddress: { address: email, name: member.displayName } }],
    });
  });
  if (outcome !== 'sent') return outcome === 'stop' ? 'stop' : 'skipped';
  await store.removeWork(QUOTE_ANSWER_MAIL_JOB, item.key);
  return 'sent';
}
