import { sendCheckRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { SendCheckService } from '../services/send-check.service';

export function sendCheckRouteBindings(deps: BindDependencies, checks: SendCheckService): RouteBinding[] {
  return [bindRoute(deps, sendCheckRoute, async ({ principal, body }) => json(200, await checks.check(principal, body)))];
}
