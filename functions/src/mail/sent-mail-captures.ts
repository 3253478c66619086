import { randomBytes } from 'node:crypto';
import { isLogMarker } from '@rapport/shared';
import type { Store, WorkItem } from '../store/store';

/** The job that finds sent messages by their marker in the reps' Sent Items, and logs them. */
export const LOG_SENT_MAIL_JOB = 'log-sent-mail';

/** What a capture remembers from the send check: whose Sent Items to look in, and what the rep chose the mail is about. */
export type CapturePayload = {
  userId: string;
  mailbox: string;
  marker: string;
  dealId?: string;
  conversationId?: string;
};

/** A sent message is looked for from a minute after the send check (Outlook sends it within seconds). */
const FIRST_LOOK_AFTER_MS = 60_000;

/** A new marker: 128 random bits. */
export function newLogMarker(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The messages that will be logged after they are sent: one work item of the log-sent-mail job per marker. A second
 * press of Send (after "Don't send") brings the marker the first check gave, and the same capture is used, with the
 * rep's latest choice of deal; a marker that is not this rep's (another tenant's, a made-up one) is never used.
 */
export class SentMailCaptures {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** Drops the rep's capture of this marker (the message will not be logged after all); another's is left alone. */
  async cancel(tenantId: string, userId: string, marker: string): Promise<void> {
    if (!isLogMarker(marker)) return;
    const existing = await this.store.getWork(LOG_SENT_MAIL_JOB, marker);
    if (existing && existing.tenantId === tenantId && (existing.payload as CapturePayload).userId === userId) await this.store.removeWork(LOG_SENT_MAIL_JOB, marker);
  }

  async capture(tenantId: string, request: Omit<CapturePayload, 'marker'> & { marker?: string | undefined }): Promise<string> {
    const { marker: given, ...rest } = request;
    const payload = (marker: string): CapturePayload => ({ ...rest, marker });
    if (given && isLogMarker(given)) {
      const existing = await this.store.getWork(LOG_SENT_MAIL_JOB, given);
      const theirs = existing && existing.tenantId === tenantId && (existing.payload as CapturePayload).userId === request.userId;
      if (theirs) {
        await this.store.saveWork({ ...existing, payload: payload(given) });
        return given;
      }
    }
    const at = this.now();
    const marker = newLogMarker();
    const item: WorkItem = {
      job: LOG_SENT_MAIL_JOB,
      key: marker,
      tenantId,
      dueAt: new Date(at.getTime() + FIRST_LOOK_AFTER_MS).toISOString(),
      attempts: 0,
      payload: payload(marker),
      createdAt: at.toISOString(),
    };
    await this.store.queueWork(item);
    return marker;
  }
}
