import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Tip } from '@rapport/shared/tips/tip.schema';
import type { TipOrder } from '@rapport/shared/tips/tip.rules';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { useRecordAction } from './record-actions';
import { useChangeRecord, useCreateRecord, useRemoveRecord } from './writes';

// The tips board through the API: a deal's top tips in the pane, the board on the dashboard, and a tip's post, change,
// upvote, pin and removal. A file of its own (not writes.ts, whose table of what reads which kind is in the first
// card's JavaScript): only views that load later use it, and each write of a tip here makes both reads stale.

/** After a tip was written: a deal's tips and the board are read again. */
function afterTipWrite(queryClient: QueryClient): void {
  for (const operation of ['dealTips', 'tipsBoard'] as const) void queryClient.invalidateQueries({ queryKey: queryKeys.operation(operation) });
}

/** What a deal's tips are read again for: the deal, and its stage and products as the pane shows them now. */
export type DealOfTips = { id: string; stage: string; version: number };

/** The team's top tips for the deal (at most `limit`), best first; read again when the deal changes (its stage, its lines). */
export function useDealTips(deal: DealOfTips, limit = 5) {
  const api = useApi();
  const request = { params: { id: deal.id }, query: { limit } };
  return useQuery({
    // The deal's version in the key: a stage or a line changed in the pane reads its tips again.
    queryKey: [...queryKeys.operation('dealTips', request), deal.version],
    queryFn: () => api.call('dealTips', request),
  });
}

/** The board's filter: a tag (any of them, or none) and the order after the pinned tips. */
export type TipsBoardFilter = { stage?: string; productId?: string; industry?: string; objection?: string; order: TipOrder };

/** The tips board, filtered, pinned first; the last answer stays on screen while a new filter's is read. */
export function useTipsBoard(filter: TipsBoardFilter, limit = 100) {
  const api = useApi();
  const request = { query: { ...filter, limit } };
  return useQuery({ queryKey: queryKeys.operation('tipsBoard', request), queryFn: () => api.call('tipsBoard', request), placeholderData: (previous) => previous });
}

/** Posting a tip; a failed post sent again (Retry) is one tip. */
export function usePostTip() {
  const queryClient = useQueryClient();
  const post = useCreateRecord('tip');
  return { ...post, mutateAsync: (request: Parameters<typeof post.mutateAsync>[0]) => post.mutateAsync(request).finally(() => afterTipWrite(queryClient)) };
}

/** Changing a tip's words or tags: its author's alone (the API refuses anyone else with TIP.AUTHOR_ONLY). */
export function useChangeTip() {
  const queryClient = useQueryClient();
  const change = useChangeRecord('tip');
  return { ...change, mutateAsync: (request: Parameters<typeof change.mutateAsync>[0]) => change.mutateAsync(request).finally(() => afterTipWrite(queryClient)) };
}

/** Saying a tip helped (or taking that back): once per member, whoever wrote it. */
export function useUpvoteTip() {
  const queryClient = useQueryClient();
  const upvote = useRecordAction('tip', 'upvote');
  return { ...upvote, toggle: (tip: Tip, up: boolean) => upvote.mutateAsync({ id: tip.id, body: { up } }).finally(() => afterTipWrite(queryClient)) };
}

/** A manager's pin (shown first everywhere) or unpin. */
export function usePinTip() {
  const queryClient = useQueryClient();
  const pin = useRecordAction('tip', 'pin');
  return { ...pin, set: (tip: Tip, pinned: boolean) => pin.mutateAsync({ id: tip.id, body: { pinned } }).finally(() => afterTipWrite(queryClient)) };
}

/** Removing a tip: a manager's any, an author's own (the recycle bin keeps it for the restore window). */
export function useRemoveTip() {
  const queryClient = useQueryClient();
  const remove = useRemoveRecord('tip');
  return { ...remove, removeTip: (tip: Tip) => remove.mutateAsync({ record: tip }).finally(() => afterTipWrite(queryClient)) };
}
