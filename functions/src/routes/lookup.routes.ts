import { lookupRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { LookupService } from '../services/lookup.service';

export function lookupRouteBindings(deps: BindDependencies, lookup: LookupService): RouteBinding[] {
  return [bindRoute(deps, lookupRoute, async ({ principal, body }) => json(200, await lookup.lookup(principal, body)))];
}
