import type { MemberRecord } from '@rapport/shared';
import type { Store } from '../store/store';

/** The job that sends each opted-in member the plan of their day, every morning in their time zone. */
export const DAILY_DIGEST_JOB = 'daily-digest';
/** A day's send that Graph refused for now (throttled, down): the next try of that morning, never later. */
export const DAILY_DIGEST_RETRY = 'daily-digest-retry';

/** A member's subscription: one work item per opted-in member, due when their next morning starts. */
export function subscriptionKey(tenantId: string, memberId: string): string {
  return `${tenantId}:${memberId}`;
}

/** The key a member's digest of one day is recorded under before it is sent: at most one per person per day. */
export function digestDayKey(tenantId: string, memberId: string, date: string): string {
  return `${DAILY_DIGEST_JOB}:${tenantId}:${memberId}:${date}`;
}

export type DigestSubscriptionPayload = { memberId: string; /** The day key of a send to try again this morning. */ retrying?: string };

/** Whether a member gets digests: opted in and able to sign in. */
export function getsDigest(member: MemberRecord): boolean {
  return member.dailyDigest === true && !member.deactivated && !member.invited && !member.deletedAt;
}

/**
 * Keeps a member's subscription as their record says, after any change of it: due now (the job works out their next
 * morning, in the zone and at the hour they have now), or gone when they opted out. The job checks the record too, so
 * a subscription left behind sends nothing.
 */
export async function followDigestSubscription(store: Pick<Store, 'saveWork' | 'removeWork'>, member: MemberRecord, now: Date): Promise<void> {
  const key = subscriptionKey(member.tenantId, member.id);
  if (!getsDigest(member)) {
    await store.removeWork(DAILY_DIGEST_JOB, key);
    return;
  }
  const payload: DigestSubscriptionPayload = { memberId: member.id };
  await store.saveWork({ job: DAILY_DIGEST_JOB, key, tenantId: member.tenantId, dueAt: now.toISOString(), attempts: 0, payload, createdAt: now.toISOString() });
}
