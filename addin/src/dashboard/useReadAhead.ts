import { useCallback, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OperationRequest } from '../api/api-types';
import { queryKeys } from '../data/query-keys';

/**
 * Whether a tab's reports are still being read ahead (dashboard-reads.ts). Until each is answered (they come in one
 * request of up to 20; an API from before that request answers them one by one, and the tab waits for the last), the
 * tab shows one spinner for its cards. Each card then renders once, with its report, rather than first as one of a
 * dozen spinners that the answer redraws a moment later (the page's one thread spent twice over, the spinners turning
 * meanwhile). Once a tab has shown its cards, they stay: a change of filters keeps each card's last report on screen
 * while the new one is read. Reports nobody read ahead are read by their cards, which show as soon as they mount.
 */
export function useReadAhead(requests: readonly OperationRequest<'report'>[]): boolean {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((changed: () => void) => cache.subscribe(changed), [cache]);
  const reading = useSyncExternalStore(subscribe, () =>
    requests.some((request) => {
      const state = queryClient.getQueryState(queryKeys.operation('report', request));
      return state?.status === 'pending' && state.fetchStatus === 'fetching';
    }),
  );
  const [shown, setShown] = useState(!reading);
  // Set while rendering (React's way to keep what an earlier render saw): the cards then show in this same render.
  if (!reading && !shown) setShown(true);
  return !shown && reading;
}
