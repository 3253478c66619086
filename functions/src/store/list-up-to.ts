import type { RecordKind } from '@rapport/shared';
import type { ListOptions, RecordOf, Store } from './store';

const PAGE_SIZE = 100;

/**
 * Every record a list gives, page by page, up to `max` (a bound, so no request reads without end);
 * `capped` says more were left unread.
 */
export async function listUpTo<K extends RecordKind>(
  store: Store,
  kind: K,
  tenantId: string,
  options: Omit<ListOptions, 'limit' | 'cursor'>,
  max: number,
): Promise<{ items: RecordOf[K][]; capped: boolean }> {
  const items: RecordOf[K][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(kind, tenantId, { ...options, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return { items, capped: cursor !== undefined };
}
