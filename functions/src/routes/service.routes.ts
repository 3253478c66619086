import { apiContract, buildOpenApiDocument, healthRoute, openApiRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

export const API_VERSION = '0.1.0';

export function serviceRouteBindings(deps: BindDependencies, storeName: string): RouteBinding[] {
  // Generated once from the contract: the document can never drift from the routes.
  const openApi = buildOpenApiDocument(apiContract, { title: 'Rapport API', version: API_VERSION });
  return [
    bindRoute(deps, healthRoute, async () => json(200, { status: 'ok', version: API_VERSION, store: storeName })),
    bindRoute(deps, openApiRoute, async () => json(200, openApi, { 'cache-control': 'public, max-age=300' })),
  ];
}
