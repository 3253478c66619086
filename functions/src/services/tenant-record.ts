import { staleVersion } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { OwnFields } from '../kinds/kind-hooks';
import type { RecordOf } from '../store/store';
import type { RecordWriter } from './record-writer';

/** Kinds a tenant has exactly one of, under a fixed id: defaults (version 0) until an admin first saves them. */
type TenantRecordKind = 'pipeline' | 'settings';

/**
 * Saves a tenant's one record of a kind, over `current` (null: still the defaults). The first save creates it; if
 * another admin created it meanwhile, this change was made on the defaults and is stale. Later saves replace it under
 * the version read. `viewOf` is what a stale answer shows as the current state.
 */
export async function saveTenantRecord<K extends TenantRecordKind>(
  writer: RecordWriter,
  kind: K,
  id: string,
  principal: Principal,
  current: RecordOf[K] | null,
  fields: OwnFields<K>,
  expectedVersion: number,
  viewOf: (record: RecordOf[K]) => unknown,
): Promise<RecordOf[K]> {
  if (current) return writer.change(kind, principal, current, fields, { expectedVersion });
  try {
    return (await writer.add(kind, principal, fields, { id })).record;
  } catch (error) {
    const saved = await writer.store.get(kind, principal.tenantId, id);
    if (saved) throw staleVersion(kind, id, saved.version, viewOf(saved));
    throw error;
  }
}
