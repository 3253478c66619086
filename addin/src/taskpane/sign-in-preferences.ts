import type { ApiClient } from '../api/client';
import { mailboxTimeZone } from '../office/mailbox-time-zone';

/**
 * At sign-in, what Outlook says of the user (their mailbox's time zone, Office's display language) fills their
 * preferences where they have none yet; the API maps the zone and never overwrites what they chose. Loaded after the
 * first card, and silent: a failure only leaves the preferences as they were.
 */
export async function sendSignInPreferences(api: ApiClient, displayLanguage: string): Promise<void> {
  const timeZone = mailboxTimeZone();
  await api.call('detectedPreferences', { body: { ...(timeZone ? { timeZone: timeZone.slice(0, 100) } : {}), displayLanguage: displayLanguage.slice(0, 35) } }).catch(() => undefined);
}
