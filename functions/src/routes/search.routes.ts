import { searchRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { SearchService } from '../services/search.service';

export function searchRouteBindings(deps: BindDependencies, search: SearchService): RouteBinding[] {
  return [bindRoute(deps, searchRoute, async ({ principal, query }) => json(200, await search.search(principal, query.q, query.limit)))];
}
