import { convertLeadRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json } from '../http/responses';
import type { LeadConversionService } from '../services/lead-conversion.service';

export function leadRouteBindings(deps: BindDependencies, conversions: LeadConversionService): RouteBinding[] {
  return [
    bindRoute(deps, convertLeadRoute, async ({ principal, params, body, request }) => {
      const version = requireIfMatch(request, 'lead');
      return json(200, await conversions.convert(principal, params.id, body, version));
    }),
  ];
}
