import { attainmentRoute } from '@rapport/shared';
import type { AttainmentService } from '../goals/attainment.service';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

/** Goals' attainment; the goals themselves are records at /api/goals (bound before them: `attainment` is no goal id). */
export function goalRouteBindings(deps: BindDependencies, attainment: AttainmentService): RouteBinding[] {
  return [bindRoute(deps, attainmentRoute, async ({ principal, query }) => json(200, await attainment.attainment(principal, query)))];
}
