import { searchArticlesRoute, suggestArticlesRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { KnowledgeService } from '../knowledge/knowledge.service';

export function knowledgeRouteBindings(deps: BindDependencies, knowledge: KnowledgeService): RouteBinding[] {
  return [
    bindRoute(deps, suggestArticlesRoute, async ({ principal, body }) => json(200, await knowledge.suggest(principal, body))),
    bindRoute(deps, searchArticlesRoute, async ({ principal, query }) => json(200, { articles: await knowledge.search(principal, query.q, query.limit) })),
  ];
}
