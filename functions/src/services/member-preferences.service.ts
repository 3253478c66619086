import {
  DEFAULT_DIGEST_HOUR,
  CrmError,
  ianaTimeZoneOf,
  memberLanguageOf,
  notFound,
  type DetectedPreferences,
  type MemberRecord,
  type MyPreferences,
  type MyPreferencesChange,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';
import { RecordWriter } from './record-writer';
import { followDigestSubscription } from '../digest/digest-subscriptions';

export type MemberPreferencesDependencies = { store: Store; now: () => Date };

/**
 * A member's own preferences (time zone, language, morning digest), on their member record: whose record comes from the
 * token alone. Filled at sign-in from what Outlook says, where the member has not chosen yet; changed by them here, or
 * by an admin on /api/members/{id}.
 */
export class MemberPreferencesService {
  private readonly writer: RecordWriter;

  constructor(private readonly deps: MemberPreferencesDependencies) {
    this.writer = new RecordWriter(deps);
  }

  async mine(principal: Principal): Promise<MyPreferences> {
    return preferencesOf(await this.member(principal));
  }

  /** The member's change, on the version they read (a change made meanwhile elsewhere is refused, never overwritten). */
  async change(principal: Principal, change: MyPreferencesChange, expectedVersion: number): Promise<MyPreferences> {
    const member = await this.member(principal);
    const saved = await this.writer.change('member', principal, member, change, { expectedVersion });
    await followDigestSubscription(this.deps.store, saved, this.deps.now());
    return preferencesOf(saved);
  }

  /**
   * What the pane found at sign-in fills what is not set yet: the mailbox's zone (Windows or IANA, as the host names it)
   * and Office's language. Nothing is written when nothing is new, so every sign-in after the first costs one read.
   */
  async detected(principal: Principal, detected: DetectedPreferences): Promise<MyPreferences> {
    const timeZone = ianaTimeZoneOf(detected.timeZone);
    const language = memberLanguageOf(detected.displayLanguage);
    // Twice at most: a write that raced another change reads the record again and fills what is still missing.
    for (let attempt = 0; ; attempt++) {
      const member = await this.member(principal);
      const fill = { ...(member.timeZone === undefined && timeZone ? { timeZone } : {}), ...(member.language === undefined && language ? { language } : {}) };
      if (Object.keys(fill).length === 0) return preferencesOf(member);
      try {
        const saved = await this.writer.change('member', principal, member, fill, { expectedVersion: member.version, origin: 'system' });
        await followDigestSubscription(this.deps.store, saved, this.deps.now());
        return preferencesOf(saved);
      } catch (error) {
        if (attempt > 0 || !(error instanceof CrmError) || error.code !== 'RECORD.STALE_VERSION') throw error;
      }
    }
  }

  private async member(principal: Principal): Promise<MemberRecord> {
    // Every signed-in user is enrolled as a member on their first request; a record gone since is not recreated here.
    const member = await this.deps.store.get('member', principal.tenantId, principal.userId);
    if (!member) throw notFound('member', principal.userId);
    return member;
  }
}

export function preferencesOf(member: MemberRecord): MyPreferences {
  return {
    ...(member.timeZone ? { timeZone: member.timeZone } : {}),
    ...(member.language ? { language: member.language } : {}),
    dailyDigest: member.dailyDigest ?? false,
    quoteAnswerMail: member.quoteAnswerMail ?? false,
    digestHour: member.digestHour ?? DEFAULT_DIGEST_HOUR,
    version: member.version,
  };
}
