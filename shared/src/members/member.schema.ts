import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';

import { roles } from './roles';

export { roles, hasRole, highestRole, type Role } from './roles';

// A member's id is the user's object id (`oid`) in the tenant's directory.
export const MemberInputSchema = z.strictObject({
  displayName: shortText(200),
  email: EmailAddressSchema.optional(),
  role: z.enum(roles).default('rep'),
  /** A member whose access was removed: their records stay, their sign-ins are refused. */
  deactivated: z.boolean().optional(),
  team: shortText(100).optional(),
  managerId: IdSchema.optional(),
  office: shortText(100).optional(),
});
export const MemberSchema = z.object({
  ...MemberInputSchema.shape,
  ...SystemFieldsSchema.shape,
  /** Set when the role mirrors the app roles Entra ID assigned (kept by the server): it is changed there, not in Rapport. */
  roleSource: z.enum(['app-roles']).optional(),
  /** Added by an admin by e-mail and not signed in yet (kept by the server): their first sign-in with that address takes this membership. */
  invited: z.boolean().optional(),
}).meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;
export const MemberPatchSchema = patchSchemaOf(MemberInputSchema);
