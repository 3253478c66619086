import type { Store } from '../store/store';
import { listUpTo } from '../store/list-up-to';

// Members are the people of one organization; finding an admin to act for a departed owner reads them up to this.
const MAX_MEMBERS_READ = 5_000;

/**
 * Who acts for a record's owner when the owner left (deactivated): their manager when active, else the tenant's first
 * admin; the owner themselves while active. Null only when nobody active is found.
 */
export async function activeOwnerOf(store: Store, tenantId: string, ownerId: string): Promise<{ id: string; email?: string | undefined } | null> {
  const owner = await store.get('member', tenantId, ownerId);
  if (owner && !owner.deactivated) return owner;
  const manager = owner?.managerId ? await store.get('member', tenantId, owner.managerId) : null;
  if (manager && !manager.deactivated) return manager;
  const { items } = await listUpTo(store, 'member', tenantId, {}, MAX_MEMBERS_READ);
  const admins = items.filter((member) => member.role === 'admin' && !member.deactivated).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return admins[0] ?? null;
}
