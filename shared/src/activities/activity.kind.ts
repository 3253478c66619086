import { defineKind } from '../kinds/kind-definition';
import { toUtcTimestamp } from '../common/record.schema';
import { activityExternalRefs } from './activity-refs';
import { ActivityInputSchema, ActivityPatchSchema, ActivitySchema } from './activity.schema';

export const activityKind = defineKind(ActivitySchema, {
  plural: 'activities',
  label: 'Activity',
  references: [
    { field: 'contactIds', kind: 'contact', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'dealId', kind: 'deal', link: true },
    { field: 'leadId', kind: 'lead', link: true },
    { field: 'caseId', kind: 'case', link: true },
  ],
  timeline: false,
  linkedToOwner: true,
  spread: true,
  schemaVersion: 1,
  index: (activity) => ({ sortAt: toUtcTimestamp(activity.at), isOpen: activity.status === 'planned', externalRefs: activityExternalRefs(activity) }),
  api: {
    input: ActivityInputSchema,
    patch: ActivityPatchSchema,
    filters: ['ownerId'],
    example: { input: (text) => ({ kind: 'note', subject: `${text} Note`, at: '2026-11-20T10:00:00Z' }), patch: { summary: 'Changed' } },
  },
});
