import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';
import { NeverLogEntriesSchema } from '../email/never-log.schema';

import { roles } from './roles';
import { memberCapabilities } from './capabilities.rules';
import { TIME_ZONE_NAME, memberLanguages } from './preferences.rules';

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
  /** The member's time zone (IANA), filled from their mailbox at sign-in: their morning digest goes in their morning. */
  timeZone: z.string().max(64).regex(TIME_ZONE_NAME, 'must be a time zone such as Europe/Madrid').optional(),
  /** The language the member reads Rapport in (Office's display language at sign-in): their digest is written in it. */
  language: z.enum(memberLanguages).optional(),
  /** Whether the member gets the plan of their day by e-mail each morning (they opt in). */
  dailyDigest: z.boolean().optional(),
  /** Whether they are e-mailed when a customer accepts or declines one of their quotes on its page. */
  quoteAnswerMail: z.boolean().optional(),
  /** The hour of their morning (0–23, their time zone) from which the digest is sent; 7 when not chosen. */
  digestHour: z.number().int().min(0).max(23).optional(),
  /** What an admin lets the member do beside their role (`knowledgeEditor`: write knowledge articles; `campaignManager`: keep campaigns and tracked links). None when absent. */
  capabilities: z.array(z.enum(memberCapabilities)).max(memberCapabilities.length).optional(),
});
export const MemberSchema = z.object({
  ...MemberInputSchema.shape,
  ...SystemFieldsSchema.shape,
  /** Set when the role mirrors the app roles Entra ID assigned (kept by the server): it is changed there, not in Rapport. */
  roleSource: z.enum(['app-roles']).optional(),
  /** Added by an admin by e-mail and not signed in yet (kept by the server): their first sign-in with that address takes this membership. */
  invited: z.boolean().optional(),
  /**
   * The teams the member was in, each from a day on, oldest first (kept by the server whenever `team` changes): a
   * team's attainment counts each rep for the time they were in it. Members saved before it have none: they count for
   * their team as it is.
   */
  teamHistory: z.array(z.object({ team: z.string().max(100), from: z.string().max(10) })).max(100).optional(),
}).meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;
/**
 * A member as stored: what the API shows of them to the tenant, and their own never-log list, which only they read and
 * change (/api/me/never-log): their personal contacts are nobody else's business. Members saved before it have none.
 */
export const MemberRecordSchema = z.object({ ...MemberSchema.shape, neverLog: NeverLogEntriesSchema.optional() });
export type MemberRecord = z.infer<typeof MemberRecordSchema>;

/** What others see of a member: the record without what is the member's own. */
export function memberView(record: MemberRecord): Member {
  const { neverLog: _own, ...member } = record;
  return member;
}

export const MemberPatchSchema = patchSchemaOf(MemberInputSchema);
