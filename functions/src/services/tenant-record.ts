import { staleVersion } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordOf, Store } from '../store/store';

/** Kinds a tenant has exactly one of, under a fixed id: defaults (version 0) until an admin first saves them. */
type TenantRecordKind = 'pipeline' | 'settings';
type OwnFields<K extends TenantRecordKind> = Omit<RecordOf[K], 'tenantId' | 'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'ownerId' | 'version' | 'deletedAt'>;

/**
 * Saves a tenant's one record of a kind, over `current` (null: still the defaults). The first save creates it; if
 * another admin created it meanwhile, this change was made on the defaults and is stale. Later saves replace it under
 * the version read. `viewOf` is what a stale answer shows as the current state.
 */
export async function saveTenantRecord<K extends TenantRecordKind>(
  store: Store,
  kind: K,
  id: string,
  principal: Principal,
  current: RecordOf[K] | null,
  fields: OwnFields<K>,
  expectedVersion: number,
  at: string,
  viewOf: (record: RecordOf[K]) => unknown,
): Promise<RecordOf[K]> {
  if (current) {
    return store.replace(kind, { ...current, ...fields, updatedAt: at, updatedBy: principal.userId, version: current.version + 1 }, expectedVersion);
  }
  const first = {
    ...fields,
    tenantId: principal.tenantId,
    id,
    createdAt: at,
    createdBy: principal.userId,
    updatedAt: at,
    updatedBy: principal.userId,
    ownerId: principal.userId,
    version: 1,
  } as RecordOf[K];
  try {
    return (await store.create(kind, first)).record;
  } catch (error) {
    const saved = await store.get(kind, principal.tenantId, id);
    if (saved) throw staleVersion(kind, id, saved.version, viewOf(saved));
    throw error;
  }
}
