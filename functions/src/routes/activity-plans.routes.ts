import { applyActivityPlanRoute } from '@rapport/shared';
import type { ApplyPlanService } from '../activity-plans/apply-plan.service';
import { bindRoute, requestHash, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { readIdempotencyKey } from '../http/request';
import { json } from '../http/responses';

/** Applying a plan; the plans themselves are records at /api/activity-plans. */
export function activityPlanRouteBindings(deps: BindDependencies, plans: ApplyPlanService): RouteBinding[] {
  return [
    bindRoute(deps, applyActivityPlanRoute, async ({ principal, params, body, request }) => {
      const key = readIdempotencyKey(request);
      const idempotency = key ? { key, requestHash: requestHash('apply-activity-plan', { plan: params.id, body }) } : undefined;
      return json(200, await plans.apply(principal, params.id, body, idempotency));
    }),
  ];
}
