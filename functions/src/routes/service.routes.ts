import { apiContract, buildOpenApiDocument, healthRoute, openApiRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

export const API_VERSION = '0.1.0';

// Generated from the contract, so the document can never drift from the routes: on its first request rather than as
// each app starts (it takes about a third of a second of CPU), then kept for the process, as the contract is constant.
let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;
const openApiDocument = () => (openApi ??= buildOpenApiDocument(apiContract, { title: 'Rapport API', version: API_VERSION }));

export function serviceRouteBindings(deps: BindDependencies, storeName: string): RouteBinding[] {
  return [
    bindRoute(deps, healthRoute, async () => json(200, { status: 'ok', version: API_VERSION, store: storeName })),
    bindRoute(deps, openApiRoute, async () => json(200, openApiDocument(), { 'cache-control': 'public, max-age=300' })),
  ];
}
