import { defineKind } from '../kinds/kind-definition';
import { GoalInputSchema, GoalPatchSchema, GoalSchema, goalRef } from './goal.schema';

export const goalKind = defineKind(GoalSchema, {
  plural: 'goals',
  label: 'Goal',
  references: [
    { field: 'memberId', kind: 'member' },
    { field: 'territoryId', kind: 'territory' },
  ],
  timeline: false,
  schemaVersion: 1,
  title: (goal) => `${goal.metric} ${goal.period} ${goal.start}`,
  index: (goal) => ({ externalRefs: [goalRef(goal)] }),
  api: {
    input: GoalInputSchema,
    patch: GoalPatchSchema,
    filters: [],
    // Managers set their teams' goals (admins too); everyone reads them, as benchmarks.
    write: { role: 'manager', allows: 'set goals' },
    example: {
      input: (_text, n) => ({ scope: 'tenant', metric: 'wonDeals', period: 'month', start: `${2000 + (n % 900)}-01`, target: 10 + n }),
      patch: { target: 12, stretch: 15 },
    },
  },
});
