import { myNeverLogRoute, updateMyNeverLogRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { recordResponse } from '../http/responses';
import type { NeverLogService } from '../services/never-log.service';

/** The caller's own never-log list: whose list it is comes from the token alone, so no one reaches another's. */
export function neverLogRouteBindings(deps: BindDependencies, neverLog: NeverLogService): RouteBinding[] {
  return [
    bindRoute(deps, myNeverLogRoute, async ({ principal }) => recordResponse(await neverLog.mine(principal))),
    bindRoute(deps, updateMyNeverLogRoute, async ({ principal, body, request }) => {
      const version = requireIfMatch(request, 'member');
      return recordResponse(await neverLog.changeMine(principal, body, version));
    }),
  ];
}
