import { z } from 'zod';
import { memberCapabilities } from '../members/capabilities.rules';
import { IdSchema, shortText } from '../common/record.schema';
import { EmailAddressSchema } from '../common/contact-fields.schema';
import { MemberSchema, roles } from '../members/member.schema';
import { TIME_ZONE_NAME, memberLanguages } from '../members/preferences.rules';
import { IdParamsSchema, PageQuerySchema, pageOf } from './common.schema';
import { defineRoute } from './route';
import { AuditEntrySchema } from '../audit/audit.schema';

export const CapabilitiesSchema = z
  .object({ editOthersRecords: z.boolean(), reassign: z.boolean(), viewTeam: z.boolean(), manageSettings: z.boolean(), importLists: z.boolean() })
  .meta({ id: 'Capabilities' });

export const MeSchema = z
  .object({
    tenantId: IdSchema,
    userId: IdSchema,
    name: z.string().optional(),
    roles: z.array(z.enum(roles)),
    /** Where the roles came from: the token's app roles, or the tenant's member record. */
    rolesFrom: z.enum(['token', 'member']),
    capabilities: CapabilitiesSchema,
    /** What an admin lets them do beside their role (`knowledgeEditor`: write knowledge articles; `campaignManager`: keep campaigns and tracked links). */
    grantedCapabilities: z.array(z.enum(memberCapabilities)),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/**
 * An admin adds a colleague by e-mail address (the member is invited until their first sign-in with that address), or
 * by their directory object id (their first sign-in finds them). Without a name, the address stands for it until then.
 */
export const MemberCreateSchema = z
  .strictObject({
    id: IdSchema.optional(),
    displayName: shortText(200).optional(),
    email: EmailAddressSchema.optional(),
    role: z.enum(roles).default('rep'),
    team: shortText(100).optional(),
    managerId: IdSchema.optional(),
    office: shortText(100).optional(),
  })
  .superRefine((member, context) => {
    if (member.email !== undefined) return;
    // Without an address, a directory id and a name say who the colleague is.
    if (member.id === undefined) context.addIssue({ code: 'custom', path: ['email'], message: 'is needed: the address the colleague signs in with (or their directory object id in `id`)' });
    else if (member.displayName === undefined) context.addIssue({ code: 'custom', path: ['displayName'], message: 'is needed when no e-mail address is given' });
  });
export type MemberCreate = z.output<typeof MemberCreateSchema>;

export const MemberChangeSchema = z.strictObject({
  displayName: shortText(200).optional(),
  email: EmailAddressSchema.nullable().optional(),
  role: z.enum(roles).optional(),
  team: shortText(100).nullable().optional(),
  managerId: IdSchema.nullable().optional(),
  office: shortText(100).nullable().optional(),
  deactivated: z.boolean().optional(),
  /** The member's time zone and language, their morning digest and its hour (they change these themselves too). */
  timeZone: z.string().max(64).regex(TIME_ZONE_NAME, 'must be a time zone such as Europe/Madrid').nullable().optional(),
  language: z.enum(memberLanguages).nullable().optional(),
  dailyDigest: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).nullable().optional(),
  /** What the member may do beside their role (`knowledgeEditor`: write knowledge articles; `campaignManager`: keep campaigns and tracked links); `[]` takes all away. */
  capabilities: z.array(z.enum(memberCapabilities)).max(memberCapabilities.length).optional(),
});
export type MemberChange = z.output<typeof MemberChangeSchema>;

export const meRoute = defineRoute({
  name: 'get-me',
  method: 'GET',
  path: '/api/me',
  summary: 'Who the signed-in user is here: tenant, roles, and what those roles allow',
  tag: 'Member',
  auth: 'user',
  success: { status: 200, schema: MeSchema, description: 'The signed-in user' },
});

export const listMembersRoute = defineRoute({
  name: 'list-members',
  method: 'GET',
  path: '/api/members',
  summary: "The tenant's members (users) with role, team and manager",
  tag: 'Member',
  auth: 'user',
  query: PageQuerySchema,
  success: { status: 200, schema: pageOf(MemberSchema), description: 'A page of members' },
});

export const createMemberRoute = defineRoute({
  name: 'create-member',
  method: 'POST',
  path: '/api/members',
  summary: 'Add a colleague as a member with a role, by e-mail address (invited until they sign in) or directory id (admins)',
  tag: 'Member',
  auth: 'user',
  role: 'admin',
  allows: 'add members',
  body: MemberCreateSchema,
  success: { status: 201, schema: MemberSchema, description: 'The member; ETag carries its version' },
  errors: [403, 409, 413, 422],
});

export const updateMemberRoute = defineRoute({
  name: 'update-member',
  method: 'PATCH',
  path: '/api/members/{id}',
  summary: "Change a member's role, team, manager, access or capabilities (knowledge editor, campaign manager), or their time zone, language and morning digest (admins)",
  tag: 'Member',
  auth: 'user',
  role: 'admin',
  allows: "change members' roles, teams and access",
  params: IdParamsSchema,
  body: MemberChangeSchema,
  success: { status: 200, schema: MemberSchema, description: 'The member after the change' },
  errors: [403, 409, 412, 413, 422, 428],
  ifMatch: true,
});

export const memberHistoryRoute = defineRoute({
  name: 'member-history',
  method: 'GET',
  path: '/api/members/{id}/history',
  summary: "Every change of a member: who changed their role, team, manager or access, and when (admins)",
  tag: 'Member',
  auth: 'user',
  role: 'admin',
  allows: "read the history of members' roles and access",
  params: IdParamsSchema,
  query: PageQuerySchema,
  success: { status: 200, schema: pageOf(AuditEntrySchema), description: 'A page of the audit trail' },
});

