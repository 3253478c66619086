import type { Container, ItemDefinition } from '@azure/cosmos';
import type { RecordKind } from '@rapport/shared';
import type { RecordDoc } from './cosmos-documents';

// What the per-tenant upgrades (of the index, of the report cells) read: their marker, and a tenant's records a page
// at a time.

/** The marker of an upgrade a tenant has had, in its `{tenant}|upgrades` partition. */
export type UpgradeMarker = ItemDefinition & { pk: string; tenantId: string; entry: 'upgrade'; version: number; upgradedAt: string };

/** The version of an upgrade a tenant was brought to: 0 when it never was. */
export async function upgradedVersion(index: Container, markerId: string, pk: string, tenantId: string): Promise<number> {
  try {
    const { resource } = await index.item(markerId, pk).read<UpgradeMarker>();
    return resource && resource.tenantId === tenantId ? resource.version : 0;
  } catch (error) {
    if ((error as { code?: unknown }).code === 404) return 0;
    throw error;
  }
}

/** A tenant's live and deleted records of a kind in one partition, `page` at a time, by id (never OFFSET). */
export async function* recordPages(records: Container, pk: string, tenantId: string, kind: RecordKind, page: number): AsyncGenerator<RecordDoc[]> {
  let after = '';
  for (;;) {
    const { resources } = await records.items
      .query<RecordDoc>(
        {
          query: 'SELECT TOP @page * FROM c WHERE c.pk = @pk AND c.tenantId = @tenant AND c.recordKind = @kind AND c.id > @after ORDER BY c.id',
          parameters: [
            { name: '@page', value: page },
            { name: '@pk', value: pk },
            { name: '@tenant', value: tenantId },
            { name: '@kind', value: kind },
            { name: '@after', value: after },
          ],
        },
        { partitionKey: pk },
      )
      .fetchAll();
    const last = resources[resources.length - 1];
    if (!last) return;
    yield resources;
    if (resources.length < page) return;
    after = last.id as string;
  }
}
