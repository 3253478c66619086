import { CrmError, hasRole, managesMember, notFound, type Member } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { Store } from '../store/store';

/**
 * Whose pay the caller may see: their own; a manager the reps they manage or who share their team; an admin anyone's.
 * A member the caller may not see is answered as not found, so a rep cannot learn who else is paid.
 */
export async function memberWhosePayCallerSees(store: Store, principal: Principal, memberId: string): Promise<Member> {
  const member = await store.get('member', principal.tenantId, memberId);
  if (!member) throw notFound('member', memberId);
  if (member.id === principal.userId || hasRole(principal.roles, 'admin')) return member;
  if (hasRole(principal.roles, 'manager') && managesOrShares(await store.get('member', principal.tenantId, principal.userId), member)) return member;
  throw notFound('member', memberId);
}

export function managesOrShares(manager: Member | null, member: Member): boolean {
  return manager !== null && managesMember(manager, member);
}

/** What a deal pays is its owner's business, their manager's and the admins'. */
export function notYourPay(): CrmError {
  return new CrmError('forbidden', 'AUTH.NOT_RECORD_OWNER', 'What this deal pays is shown to its owner, their manager and admins only.');
}
