import { memberNotActive } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const memberHooks: KindHooks<'member'> = {
  prepare: (fields) => (fields.email ? { ...fields, email: fields.email.toLowerCase() } : fields),
  // A record is given to, or a territory or team names, only people who can still sign in. Checked on what a write
  // adds, so records of a departed rep stay editable.
  refuseReference: (member, field) => (member.deactivated ? memberNotActive(field, member) : null),
};
