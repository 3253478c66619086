import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { ActionBody, ActionName } from '../api/api-types';
import { useApi } from './ApiProvider';
import { afterRecordWrite } from './writes';

// A file of its own, not writes.ts: the first card's JavaScript holds writes.ts, and with it whatever of it any view
// uses; actions are used only by views that load later (a template's share, a tip's upvote).

/** One of a kind's actions (a template's share, a tip's upvote). */
export function useRecordAction<K extends CrudKind, A extends ActionName<K>>(kind: K, action: A) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActionBody<K, A> }) => api.records(kind).act(id, action, body),
    onSuccess: (record) => afterRecordWrite(queryClient, kind, record as { id: string } & Record<string, unknown>),
  });
}
