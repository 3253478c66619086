import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { MailItem } from '../../office/mail-item';
import type { FreeTimesRecipient } from '../free-times/find-free-times';

/**
 * The draft's recipients as free times need them: address, name, and the country of their address in the CRM (the
 * contact's, else their company's), which may tell their time zone. The times are written in the first known zone: the
 * recipient in view comes first, then the customers, colleagues last (their zone is rarely the one the e-mail is for).
 */
export function recipientsOf(item: MailItem, results: readonly LookupResult[], inView?: string): FreeTimesRecipient[] {
  const rank = (email: string) => (email === inView ? 0 : results.find((result) => result.email === email)?.match === 'colleague' ? 2 : 1);
  const ordered = [...item.participants].sort((a, b) => rank(a.email) - rank(b.email));
  return ordered.map((participant) => {
    const known = results.find((result) => result.email === participant.email);
    const name = participant.name ?? (known?.contact ? contactDisplayName(known.contact) : undefined);
    const country = known?.contact?.address?.country ?? known?.company?.address?.country ?? undefined;
    return { email: participant.email, ...(name ? { name } : {}), ...(country ? { country } : {}) };
  });
}
