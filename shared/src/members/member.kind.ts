import { defineKind } from '../kinds/kind-definition';
import { MemberRecordSchema } from './member.schema';

// Members have routes of their own (/api/members): their id is the user's directory id, and enrolment is the
// sign-in's. Stored with the member's own never-log list, which /api/members never shows.
export const memberKind = defineKind(MemberRecordSchema, {
  plural: 'members',
  label: 'Member',
  references: [{ field: 'managerId', kind: 'member' }],
  timeline: false,
  title: (member) => member.displayName,
  schemaVersion: 1,
});
