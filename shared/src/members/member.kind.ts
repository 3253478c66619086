import { defineKind } from '../kinds/kind-definition';
import { MemberSchema } from './member.schema';

// Members have routes of their own (/api/members): their id is the user's directory id, and enrolment is the
// sign-in's.
export const memberKind = defineKind(MemberSchema, {
  plural: 'members',
  label: 'Member',
  references: [{ field: 'managerId', kind: 'member' }],
  timeline: false,
  title: (member) => member.displayName,
  schemaVersion: 1,
});
