import { CrmError, type Member } from '@rapport/shared';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';

// Members are the people of one organization: a search by address reads them all, up to this.
const MAX_MEMBERS_READ = 5_000;

/** The tenant's live members with this e-mail address (any case): an admin's add, or a newcomer's first sign-in. */
export async function membersWithEmail(store: Store, tenantId: string, email: string): Promise<Member[]> {
  const wanted = email.trim().toLowerCase();
  const { items } = await listUpTo(store, 'member', tenantId, {}, MAX_MEMBERS_READ);
  return items.filter((member) => member.email?.toLowerCase() === wanted);
}

/** 409 MEMBER.EMAIL_TAKEN at the `email` field, naming the member who has the address. */
export function emailTaken(email: string, member: Member): CrmError {
  return new CrmError(
    'conflict',
    'MEMBER.EMAIL_TAKEN',
    `${member.displayName} is already a member with ${email}${member.invited ? ' (invited, not signed in yet)' : ''}: find them in the list, or enter another address.`,
    {
      field: 'email',
      fields: [{ path: 'email', code: 'MEMBER.EMAIL_TAKEN', message: 'is already the address of a member' }],
      existing: { id: member.id, displayName: member.displayName, ...(member.invited ? { invited: true } : {}) },
    },
  );
}
