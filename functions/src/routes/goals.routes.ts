import { attainmentRoute, setGoalsRoute } from '@rapport/shared';
import type { GoalBatchService } from '../goals/goal-batch.service';
import type { AttainmentService } from '../goals/attainment.service';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

/** Goals' attainment; the goals themselves are records at /api/goals (bound before them: `attainment` is no goal id). */
export function goalRouteBindings(deps: BindDependencies, attainment: AttainmentService, batches: GoalBatchService): RouteBinding[] {
  return [
    bindRoute(deps, attainmentRoute, async ({ principal, query }) => json(200, await attainment.attainment(principal, query))),
    bindRoute(deps, setGoalsRoute, async ({ principal, body }) => json(200, await batches.set(principal, body.goals))),
  ];
}
