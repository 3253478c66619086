import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';

export const roles = ['rep', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

// A member's id is the user's object id (`oid`) in the tenant's directory.
export const MemberInputSchema = z.strictObject({
  displayName: shortText(200),
  email: EmailAddressSchema,
  role: z.enum(roles).default('rep'),
  team: shortText(100).optional(),
  managerId: IdSchema.optional(),
  office: shortText(100).optional(),
});
export const MemberSchema = z.object({ ...MemberInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;
export const MemberPatchSchema = patchSchemaOf(MemberInputSchema);
