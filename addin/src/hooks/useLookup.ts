import { useCallback, useEffect, useState } from 'react';
import type { LookupResponse } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import type { MailItem } from '../office/mail-item';

export type LookupState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: LookupResponse }
  | { status: 'error'; message: string };

/** The CRM context of the item's participants, fetched in one call and refreshed on demand. */
export function useLookup(api: ApiClient, item: MailItem | null): { state: LookupState; reload: () => void } {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const key = item?.key;
  useEffect(() => {
    if (!item || item.participants.length === 0) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' && generation > 0 ? previous : { status: 'loading' }));
    api
      .lookup({
        emails: item.participants.map((participant) => participant.email),
        ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
      })
      .then(
        (data) => !cancelled && setState({ status: 'ready', data }),
        (error: Error) => !cancelled && setState({ status: 'error', message: error.message }),
      );
    return () => {
      cancelled = true;
    };
    // The item's key identifies it; its object changes on every read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, generation]);
  return { state, reload };
}
