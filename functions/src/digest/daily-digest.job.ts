import type { MemberRecord } from '@rapport/shared';
import { GraphCallError, type AppGraph } from '../graph/app-graph';
import type { Job, JobOutcome } from '../jobs/job';
import type { Store, WorkItem } from '../store/store';
import type { DigestContentReader } from './daily-digest.content';
import { renderDigest } from './daily-digest.html';
import { nextWindowStart, windowAt } from './digest-schedule';
import { DAILY_DIGEST_JOB, DAILY_DIGEST_RETRY, digestDayKey, getsDigest, type DigestSubscriptionPayload } from './digest-subscriptions';

/** Subscriptions handled per run (every tenant's): the rest are due still, and the next run (15 minutes on) takes them. */
const PER_RUN = 200;
const EVERY_MINUTES = 15;
/** The header a digest carries (its day): the demo finds the digests in the inbox by it. */
export const DIGEST_HEADER = 'x-rapport-digest';

export type DailyDigestDependencies = {
  store: Store;
  graph: AppGraph;
  content: DigestContentReader;
  /** The add-in's pages, for links to record pages (none without it). */
  pagesUrl: string | undefined;
};

type Outcome = 'sent' | 'waiting' | 'stop';

/**
 * Every 15 minutes: each opted-in member whose morning window (their hour, in their zone, and three hours on) holds the
 * run gets the plan of their day, sent by the application from their own mailbox to themselves. The day's key is
 * recorded before Graph is called, so a second run, a second instance or a run by hand sends nothing twice; a send
 * Graph refused for now (429, 5xx, no answer) is tried again by later runs of that window, and given up after it.
 */
export function dailyDigestJob(deps: DailyDigestDependencies): Job {
  return {
    name: DAILY_DIGEST_JOB,
    everyMinutes: EVERY_MINUTES,
    run: async ({ at }): Promise<JobOutcome> => {
      const due = await deps.store.dueWork(DAILY_DIGEST_JOB, at.toISOString(), PER_RUN);
      const notes: string[] = [];
      let done = 0;
      for (const item of due) {
        try {
          const outcome = await digestFor(deps, item, at, notes);
          if (outcome === 'sent') done++;
          if (outcome === 'stop') break;
        } catch (error) {
          // One member's digest that cannot be put together (a record refused) must not hold up the others.
          notes.push(`${item.key}: ${error instanceof Error ? error.message : String(error)}`);
          await deps.store.saveWork({ ...item, dueAt: new Date(at.getTime() + EVERY_MINUTES * 60_000).toISOString() });
        }
      }
      return { done, ...(notes.length > 0 ? { notes } : {}) };
    },
  };
}

async function digestFor(deps: DailyDigestDependencies, item: WorkItem, at: Date, notes: string[]): Promise<Outcome> {
  const { store } = deps;
  const payload = item.payload as DigestSubscriptionPayload;
  const member = await store.get('member', item.tenantId, payload.memberId);
  if (!member || !getsDigest(member)) {
    await store.removeWork(DAILY_DIGEST_JOB, item.key);
    return 'waiting';
  }
  const window = windowAt(member, at);
  const dayKey = window ? digestDayKey(member.tenantId, member.id, window.date) : null;
  if (payload.retrying && payload.retrying !== dayKey) {
    // A send still to be tried from a morning that is over: given up, never sent late.
    notes.push(`${payload.retrying}: Graph did not take it within the morning; given up`);
    await store.removeWork(DAILY_DIGEST_RETRY, payload.retrying);
  }
  if (!window || !dayKey) return waitFor(store, item, member, nextWindowStart(member, at));
  const mailbox = member.email;
  if (!mailbox) {
    notes.push(`${dayKey}: the member has no e-mail address; not sent`);
    return waitFor(store, item, member, nextWindowStart(member, at));
  }
  // Read before the claim: a digest that cannot be put together now (a read failed) is tried again at the next run.
  const { subject, html } = renderDigest(await deps.content.of(member, window.date), deps.pagesUrl);
  const attempt = await claimSend(store, dayKey, at);
  // Sent already, or being sent (or tried again) by another run: that run says when the member is due next.
  if (attempt === null) return 'waiting';
  try {
    await deps.graph.sendMail(member.tenantId, mailbox, {
      subject,
      body: { contentType: 'html', content: html },
      toRecipients: [{ emailAddress: { address: mailbox, name: member.displayName } }],
      internetMessageHeaders: [{ name: DIGEST_HEADER, value: window.date }],
    });
  } catch (error) {
    const retryable = !(error instanceof GraphCallError) || error.status === 429 || error.status >= 500;
    const why = error instanceof GraphCallError ? `Graph answered ${error.status} (${error.graphCode})` : `Graph did not answer (${error instanceof Error ? error.message : String(error)})`;
    const nextRun = new Date(at.getTime() + EVERY_MINUTES * 60_000);
    if (retryable && nextRun.getTime() < Date.parse(window.ends)) {
      notes.push(`${dayKey}: ${why}; tried again at the next run`);
      // Recorded before the subscription is due again, so the next run may claim the next try.
      await store.saveWork({ job: DAILY_DIGEST_RETRY, key: dayKey, tenantId: member.tenantId, dueAt: window.ends, attempts: attempt, payload: { memberId: member.id }, createdAt: at.toISOString() });
      await store.saveWork({ ...item, dueAt: nextRun.toISOString(), attempts: item.attempts + 1, payload: { memberId: member.id, retrying: dayKey } });
      // Throttled: the others wait for the next run too.
      return error instanceof GraphCallError && error.status === 429 ? 'stop' : 'waiting';
    }
    notes.push(`${dayKey}: ${why}; ${retryable ? 'the morning is over: given up' : 'not sent (Graph would refuse it later too)'}`);
    if (attempt > 1) await store.removeWork(DAILY_DIGEST_RETRY, dayKey);
    return waitFor(store, item, member, nextWindowStart(member, at));
  }
  if (attempt > 1) await store.removeWork(DAILY_DIGEST_RETRY, dayKey);
  await waitFor(store, item, member, nextWindowStart(member, at));
  return 'sent';
}

/**
 * The right to send a member's digest of a day, claimed once for whoever asks first (on any instance): the first try
 * by the day's key itself, each later try (after Graph refused one for now) by the day's key and its number. Null when
 * this run may not send: sent, being sent, or given up.
 */
async function claimSend(store: Store, dayKey: string, at: Date): Promise<number | null> {
  if (await store.claimJobRun(dayKey, DAILY_DIGEST_JOB, at.toISOString())) return 1;
  const retry = await store.getWork(DAILY_DIGEST_RETRY, dayKey);
  if (!retry) return null;
  const attempt = retry.attempts + 1;
  return (await store.claimJobRun(`${dayKey}#${attempt}`, DAILY_DIGEST_JOB, at.toISOString())) ? attempt : null;
}

/** The subscription waits for the member's next morning. */
async function waitFor(store: Store, item: WorkItem, member: MemberRecord, dueAt: string): Promise<'waiting'> {
  await store.saveWork({ ...item, dueAt, attempts: 0, payload: { memberId: member.id } });
  return 'waiting';
}
