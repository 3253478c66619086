import { useQuery } from '@tanstack/react-query';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { RecordFor } from '../api/api-types';
import { useApi } from './ApiProvider';
import { queryKeys } from './query-keys';

/**
 * A record the pane holds (read by a list, the lookup, a view), or undefined: never read for this, but shown as soon
 * as something else reads it.
 */
export function useCachedRecord<K extends CrudKind>(kind: K, id: string): RecordFor<K> | undefined {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.record(kind, id), queryFn: () => api.records(kind).get(id), enabled: false }).data as RecordFor<K> | undefined;
}
