import { useState } from 'react';
import type { LookupResult } from '@rapport/shared';
import type { DoneNotice } from '../components/CardActions';
import { useLookup } from '../data/lookup';
import type { MailItem, Participant } from '../office/mail-item';

/**
 * The state of the people view: the item's lookup (read through the query cache, so switching back to an item reads
 * nothing again), whose card is shown and the last thing done (a notice).
 */
export function usePeopleView(item: MailItem) {
  const lookup = useLookup(item);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNoticeAs] = useState<DoneNotice | null>(null);
  const setNotice = (said: string | DoneNotice | null) => setNoticeAs(typeof said === 'string' ? { text: said } : said);

  // On a draft, someone the rep removed from the recipients is no longer the one in view.
  const chosen = selected !== null && item.participants.some((participant) => participant.email === selected) ? selected : null;

  // A draft's card stays on the last answer while the next is read: never for someone no longer on it.
  const results: LookupResult[] = (lookup.data?.results ?? []).filter((result) => item.participants.some((participant) => participant.email === result.email));
  // By default the person the item is most likely about: the first the CRM knows, else a lead, else someone at a known
  // company, else the first who is not a colleague.
  const first = (matches: (result: LookupResult) => boolean) => results.find(matches)?.email;
  const asked = item.participants.some((participant) => participant.email === item.createContactFor) ? item.createContactFor : undefined;
  const selectedEmail =
    chosen ??
    // Opened by the Smart Alert's "Create contact": that recipient's card, which offers the create form.
    asked ??
    first((result) => result.match === 'contact') ??
    first((result) => result.lead !== undefined) ??
    first((result) => result.match === 'company') ??
    first((result) => result.match !== 'colleague') ??
    item.participants[0]?.email ??
    null;
  const result = results.find((candidate) => candidate.email === selectedEmail);
  const participant: Participant | undefined = item.participants.find((candidate) => candidate.email === selectedEmail);

  return {
    lookup,
    results,
    selectedEmail,
    select: (email: string) => {
      setSelected(email);
      // What was done concerned the person in view before.
      setNotice(null);
    },
    result,
    participant,
    notice,
    setNotice,
  };
}
