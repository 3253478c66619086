import { settingsRoute, updateGoalBandsRoute, updateSettingsRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json } from '../http/responses';
import type { TenantSettingsService } from '../services/tenant-settings.service';

export function settingsRouteBindings(deps: BindDependencies, settings: TenantSettingsService): RouteBinding[] {
  return [
    bindRoute(deps, settingsRoute, async ({ principal }) => {
      const current = await settings.get(principal);
      return json(200, current, { etag: `"${current.version}"` });
    }),
    bindRoute(deps, updateSettingsRoute, async ({ principal, body, request }) => {
      const version = requireIfMatch(request, 'settings');
      const saved = await settings.update(principal, body, version);
      return json(200, saved, { etag: `"${saved.version}"` });
    }),
    // Managers set the goals' colours only: the route, not the settings' PATCH (admins'), lets them.
    bindRoute(deps, updateGoalBandsRoute, async ({ principal, body, request }) => {
      const version = requireIfMatch(request, 'settings');
      const saved = await settings.update(principal, { goalBands: body }, version);
      return json(200, saved, { etag: `"${saved.version}"` });
    }),
  ];
}
