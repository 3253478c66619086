import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { RecordFor } from '../api/api-types';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';
import { afterRecordWrite } from './writes';

/**
 * Deleting a record shown in a list that offers Undo in its place: the lists that show it are read again only when
 * `settle` is called (the user is done with Undo, or leaves), so the entry, and its Undo, stay until then.
 */
export function useDeferredRemove<K extends CrudKind>(kind: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  const remove = useMutation({ mutationFn: ({ record }: { record: RecordFor<K> }) => api.records(kind).remove(record.id, record.version) });
  const settle = (record: RecordFor<K>) => {
    queryClient.removeQueries({ queryKey: queryKeys.record(kind, record.id) });
    afterRecordWrite(queryClient, kind, undefined, record as unknown as { id: string } & Record<string, unknown>);
  };
  return { remove, settle };
}
