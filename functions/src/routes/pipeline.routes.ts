import { pipelineRoute, pipelineUseRoute, updatePipelineRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { requireIfMatch } from '../http/request';
import { json } from '../http/responses';
import type { PipelineService } from '../services/pipeline.service';

export function pipelineRouteBindings(deps: BindDependencies, pipelines: PipelineService): RouteBinding[] {
  return [
    bindRoute(deps, pipelineRoute, async ({ principal }) => {
      const settings = await pipelines.get(principal);
      return json(200, settings, { etag: `"${settings.version}"` });
    }),
    bindRoute(deps, pipelineUseRoute, async ({ principal }) => json(200, await pipelines.use(principal))),
    bindRoute(deps, updatePipelineRoute, async ({ principal, body, request }) => {
      const version = requireIfMatch(request, 'pipeline');
      const settings = await pipelines.update(principal, body, version);
      return json(200, settings, { etag: `"${settings.version}"` });
    }),
  ];
}
