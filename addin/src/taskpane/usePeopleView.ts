import { useState } from 'react';
import type { LookupResult } from '@rapport/shared';
import { useLookup } from '../data/lookup';
import type { MailItem, Participant } from '../office/mail-item';

/**
 * The state of the people view: the item's lookup (read through the query cache, so switching back to an item reads
 * nothing again), whose card is shown, the last thing done (a notice) and whether an appointment is being scheduled.
 */
export function usePeopleView(item: MailItem) {
  const lookup = useLookup(item);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);

  const results: LookupResult[] = lookup.data?.results ?? [];
  // By default the first person the CRM knows, else the first on the item.
  const selectedEmail = selected ?? results.find((result) => result.match === 'contact')?.email ?? item.participants[0]?.email ?? null;
  const result = results.find((candidate) => candidate.email === selectedEmail);
  const participant: Participant | undefined = item.participants.find((candidate) => candidate.email === selectedEmail);

  return {
    lookup,
    results,
    selectedEmail,
    select: setSelected,
    result,
    participant,
    notice,
    setNotice,
    scheduling,
    setScheduling,
  };
}
