import { myDayRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { MyDayService } from '../services/my-day.service';

export function myDayRouteBindings(deps: BindDependencies, myDay: MyDayService): RouteBinding[] {
  return [bindRoute(deps, myDayRoute, async ({ principal, query }) => json(200, await myDay.myDay(principal, query)))];
}
