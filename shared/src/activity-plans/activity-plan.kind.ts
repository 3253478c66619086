import { defineKind } from '../kinds/kind-definition';
import { ActivityPlanInputSchema, ActivityPlanPatchSchema, ActivityPlanSchema } from './activity-plan.schema';

export const activityPlanKind = defineKind(ActivityPlanSchema, {
  plural: 'activity-plans',
  label: 'Activity plan',
  references: [],
  timeline: false,
  schemaVersion: 1,
  title: (plan) => plan.name,
  api: {
    input: ActivityPlanInputSchema,
    patch: ActivityPlanPatchSchema,
    filters: [],
    // Managers write the team's plans (admins too); everyone reads them.
    write: { role: 'manager', allows: 'manage activity plans' },
    example: {
      input: (text) => ({
        name: `${text} onboarding`,
        steps: [
          { dayOffset: 1, kind: 'call', subject: 'Welcome call' },
          { dayOffset: 30, kind: 'meeting', subject: 'Check-in', durationMinutes: 30 },
        ],
      }),
      patch: { description: 'For every new customer' },
    },
  },
});
