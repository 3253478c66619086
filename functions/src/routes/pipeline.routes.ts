import { defaultPipeline, pipelineRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

export function pipelineRouteBindings(deps: BindDependencies): RouteBinding[] {
  return [bindRoute(deps, pipelineRoute, async () => json(200, defaultPipeline))];
}
