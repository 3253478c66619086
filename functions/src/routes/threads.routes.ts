import { followThreadRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { ThreadFollowService } from '../mail/thread-follow.service';

export function threadRouteBindings(deps: BindDependencies, threads: ThreadFollowService): RouteBinding[] {
  return [bindRoute(deps, followThreadRoute, async ({ principal, body }) => json(200, await threads.follow(principal, body.activityId)))];
}
