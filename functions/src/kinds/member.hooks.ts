import { memberNotActive, memberNotSignedIn } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const memberHooks: KindHooks<'member'> = {
  prepare: (fields) => (fields.email ? { ...fields, email: fields.email.toLowerCase() } : fields),
  // A record is given to, or a territory or team names, only people who can still sign in. Checked on what a write
  // adds, so records of a departed rep stay editable. An invited member is named once they signed in: their first
  // sign-in gives them their directory id, and nothing may point at the invitation's.
  refuseReference: (member, field) => (member.deactivated ? memberNotActive(field, member) : member.invited ? memberNotSignedIn(field, member) : null),
};
