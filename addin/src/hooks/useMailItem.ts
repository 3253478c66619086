import { useEffect, useState } from 'react';
import { readMailItem, type MailItem } from '../office/mail-item';

export type MailItemState = { status: 'loading' } | { status: 'ready'; item: MailItem | null } | { status: 'error'; message: string };

/** The open Outlook item, re-read whenever a pinned pane is moved to another item. */
export function useMailItem(mailbox: Office.Mailbox, subscribe: (onChange: () => void) => Promise<void>): MailItemState {
  const [state, setState] = useState<MailItemState>({ status: 'loading' });
  useEffect(() => {
    let current = 0;
    const load = () => {
      const request = ++current;
      readMailItem(mailbox).then(
        (item) => request === current && setState({ status: 'ready', item }),
        (error: Error) => request === current && setState({ status: 'error', message: error.message }),
      );
    };
    load();
    subscribe(load).catch((error: Error) => setState({ status: 'error', message: error.message }));
    return () => {
      current = Number.NaN;
    };
  }, [mailbox, subscribe]);
  return state;
}
