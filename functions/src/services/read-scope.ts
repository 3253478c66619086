import { hasRole, kinds, managesMember, type RecordKind } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';

/** Whose private records a caller reads: everyone's (admins), or those of these owners. */
export type ReadScope = { all: true } | { all: false; ownerIds: ReadonlySet<string> };

// A team is its members as they are now, read whole up to this many (as reports read them).
const MAX_MEMBERS = 2_000;

/** Whether the kind's records are read only by their owner, the owner's manager and admins (`readableBy: 'owner'`). */
export function isPrivateKind(kind: RecordKind): boolean {
  return (kinds[kind] as { readableBy?: 'owner' }).readableBy === 'owner';
}

/**
 * The owners whose private records the caller reads: an admin everyone's; a manager their own and their team's
 * (members who name them as manager, or share their team); a rep their own.
 */
export async function readScopeOf(store: Store, principal: Principal): Promise<ReadScope> {
  if (hasRole(principal.roles, 'admin')) return { all: true };
  if (!hasRole(principal.roles, 'manager')) return { all: false, ownerIds: new Set([principal.userId]) };
  const members = (await listUpTo(store, 'member', principal.tenantId, {}, MAX_MEMBERS)).items;
  const me = members.find((member) => member.id === principal.userId) ?? { id: principal.userId };
  const team = members.filter((member) => managesMember(me, member)).map((member) => member.id);
  return { all: false, ownerIds: new Set([principal.userId, ...team]) };
}

export function inScope(scope: ReadScope, ownerId: string): boolean {
  return scope.all || scope.ownerIds.has(ownerId);
}
