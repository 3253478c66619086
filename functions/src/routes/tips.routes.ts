import { dealTipsRoute, tipsBoardRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { TipsService } from '../services/tips.service';

/** A deal's top tips and the tips board; tips themselves are records at /api/tips (bound before them: `board` is no tip id). */
export function tipRouteBindings(deps: BindDependencies, tips: TipsService): RouteBinding[] {
  return [
    bindRoute(deps, tipsBoardRoute, async ({ principal, query }) => json(200, await tips.board(principal, query))),
    bindRoute(deps, dealTipsRoute, async ({ principal, params, query }) => json(200, await tips.forDeal(principal, params.id, query.limit))),
  ];
}
