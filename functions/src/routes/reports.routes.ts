import { reportRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { ReportsService } from '../services/reports.service';

export function reportRouteBindings(deps: BindDependencies, reports: ReportsService): RouteBinding[] {
  return [bindRoute(deps, reportRoute, async ({ principal, params, query }) => json(200, await reports.report(principal, params.report, query)))];
}
