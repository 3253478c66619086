import { caseDraftArticleRoute, searchArticlesRoute, suggestArticlesRoute } from '@rapport/shared';
import { bindRoute, requestHash, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { readIdempotencyKey } from '../http/request';
import { json, recordResponse } from '../http/responses';
import type { CaseArticleService } from '../knowledge/case-article.service';
import type { KnowledgeService } from '../knowledge/knowledge.service';

export function knowledgeRouteBindings(deps: BindDependencies, knowledge: KnowledgeService, caseArticles: CaseArticleService): RouteBinding[] {
  return [
    bindRoute(deps, suggestArticlesRoute, async ({ principal, body }) => json(200, await knowledge.suggest(principal, body))),
    bindRoute(deps, searchArticlesRoute, async ({ principal, query }) => json(200, { articles: await knowledge.search(principal, query.q, query.limit) })),
    bindRoute(deps, caseDraftArticleRoute, async ({ principal, params, body, request }) => {
      const key = readIdempotencyKey(request);
      const idempotency = key ? { key, requestHash: requestHash(caseDraftArticleRoute.name, { caseId: params.id, body }) } : undefined;
      const { record, replayed } = await caseArticles.draft(principal, params.id, body, idempotency);
      return recordResponse(record, 201, { location: `/api/articles/${record.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
    }),
  ];
}
