import { useEffect, useState } from 'react';
import type { MailItem } from '../office/mail-item';

export type MailItemState = { status: 'loading' } | { status: 'ready'; item: MailItem | null } | { status: 'error'; error: unknown };

// What makes a read show again: another item, or other people on the same draft.
const identityOf = (item: MailItem | null) => (item ? `${item.key}\n${item.participants.map((person) => `${person.role}:${person.email}`).join(',')}` : null);

/**
 * The open Outlook item, re-read whenever a pinned pane is moved to another item or a draft's recipients change. `firstRead`
 * is a read the pane started before rendering, used for the first item.
 */
export function useMailItem(
  readItem: () => Promise<MailItem | null>,
  subscribe: (onChange: () => void) => Promise<void>,
  firstRead?: Promise<MailItem | null>,
): MailItemState {
  const [state, setState] = useState<MailItemState>({ status: 'loading' });
  useEffect(() => {
    let current = 0;
    let first = firstRead;
    let shown: string | null | undefined;
    const load = () => {
      const request = ++current;
      const read = first ?? readItem();
      first = undefined;
      read.then(
        (item) => {
          // The same item read again keeps its state (and the lookups that hang on it); a draft whose recipients
          // changed is the same item with other people on it.
          if (request !== current || (shown !== undefined && identityOf(item) === shown)) return;
          shown = identityOf(item);
          setState({ status: 'ready', item });
        },
        (error: unknown) => request === current && setState({ status: 'error', error }),
      );
    };
    load();
    // An item selected while the handler was being registered sends no event: read once more after it is.
    subscribe(load)
      .then(load)
      .catch((error: unknown) => setState({ status: 'error', error }));
    return () => {
      current = Number.NaN;
    };
  }, [readItem, subscribe, firstRead]);
  return state;
}
