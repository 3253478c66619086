import { useQueryClient } from '@tanstack/react-query';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { RecordFor } from '../api/api-types';
import { queryKeys } from './query-keys';

/** A record the pane holds already (read by a list, the lookup, a view), or undefined: never read for this. */
export function useCachedRecord<K extends CrudKind>(kind: K, id: string): RecordFor<K> | undefined {
  return useQueryClient().getQueryData<RecordFor<K>>(queryKeys.record(kind, id));
}
