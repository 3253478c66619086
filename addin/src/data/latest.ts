import type { CrudKind } from '@rapport/shared/kinds/kinds';
import type { RecordFor } from '../api/api-types';
import { useRecord } from './queries';

/**
 * A record the pane already holds (from the lookup, a list), kept current through the cache: a write puts the saved
 * record there, and the newer of the two versions shows. Its `query` reloads it after a refused change.
 */
export function useLatestRecord<K extends CrudKind>(kind: K, known: RecordFor<K>) {
  const query = useRecord(kind, known.id, { initial: known });
  const cached = query.data as (RecordFor<K> & { version: number }) | undefined;
  const record = cached && cached.version >= (known as { version: number }).version ? (cached as RecordFor<K>) : known;
  return { record, query };
}
