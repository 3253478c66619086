import { detectedPreferencesRoute, myPreferencesRoute, updateMyPreferencesRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json, recordResponse } from '../http/responses';
import type { MemberPreferencesService } from '../services/member-preferences.service';

/** The caller's own preferences: whose they are comes from the token alone, so no one reaches another's. */
export function memberPreferencesRouteBindings(deps: BindDependencies, preferences: MemberPreferencesService): RouteBinding[] {
  return [
    bindRoute(deps, myPreferencesRoute, async ({ principal }) => recordResponse(await preferences.mine(principal))),
    bindRoute(deps, updateMyPreferencesRoute, async ({ principal, body, request }) => {
      const version = requireIfMatch(request, 'member');
      return recordResponse(await preferences.change(principal, body, version));
    }),
    bindRoute(deps, detectedPreferencesRoute, async ({ principal, body }) => json(200, await preferences.detected(principal, body))),
  ];
}
