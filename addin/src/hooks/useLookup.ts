import { useCallback, useEffect, useState } from 'react';
import type { LookupResponse } from '@rapport/shared';
import type { ApiClient } from '../api/api-client';
import type { MailItem } from '../office/mail-item';

export type LookupState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: LookupResponse }
  | { status: 'error'; message: string };

export type LookupLoader = (item: MailItem) => Promise<LookupResponse>;

export function lookupParams(item: MailItem): Parameters<ApiClient['lookup']>[0] {
  return {
    emails: item.participants.map((participant) => participant.email),
    ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
  };
}

/**
 * Loads lookups, taking the first one for an item from `prefetched` when the pane started it
 * before its first render; later loads (reloads, other items) always ask the API.
 */
export function prefetchingLoader(api: ApiClient, prefetched: { key: string; response: Promise<LookupResponse> } | null): LookupLoader {
  let pending = prefetched;
  return (item) => {
    if (pending && pending.key === item.key) {
      const { response } = pending;
      pending = null;
      return response;
    }
    pending = null;
    return api.lookup(lookupParams(item));
  };
}

/** The CRM context of the item's participants, fetched in one call and refreshed on demand. */
export function useLookup(load: LookupLoader, item: MailItem | null): { state: LookupState; reload: () => void } {
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
    load(item).then(
        (data) => !cancelled && setState({ status: 'ready', data }),
        (error: Error) => !cancelled && setState({ status: 'error', message: error.message }),
      );
    return () => {
      cancelled = true;
    };
    // The item's key identifies it; its object changes on every read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, key, generation]);
  return { state, reload };
}
