import { companyPurchasesRoute, crudKinds, kinds, recordRoutesByKind, recycleBinRoute, type CrudKind, type InputOf, type PatchOf } from '@rapport/shared';
import { bindRoute, requestHash, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { readIdempotencyKey, requireIfMatch } from '../http/request';
import { json, noContent, recordResponse } from '../http/responses';
import type { RecordService } from '../services/records.service';
import type { PurchasesService } from '../services/purchases.service';

/**
 * The same operations for companies, contacts, deals, activities, leads and cases: list, create
 * (idempotent), read, change (If-Match), delete (If-Match, soft), restore, history and timeline;
 * and the recycle bin across them.
 */
export function recordRouteBindings(deps: BindDependencies, records: RecordService, purchases: PurchasesService): RouteBinding[] {
  return [
    ...crudKinds.flatMap((kind) => bindingsFor(kind, deps, records)),
    bindRoute(deps, recycleBinRoute, async ({ principal, query }) => json(200, await records.deleted(principal, query))),
    bindRoute(deps, companyPurchasesRoute, async ({ principal, params }) => json(200, await purchases.ofCompany(principal, params.id))),
  ];
}

function bindingsFor<K extends CrudKind>(kind: K, deps: BindDependencies, records: RecordService): RouteBinding[] {
  const routes = recordRoutesByKind[kind];
  const basePath = `/api/${kinds[kind].plural}`;
  const requireVersion = (request: Parameters<typeof requireIfMatch>[0]) => requireIfMatch(request, kind);
  const bindings = [
    bindRoute(deps, routes.list, async ({ principal, query }) => json(200, await records.list(kind, principal, query))),
    bindRoute(deps, routes.create, async ({ principal, body, request, query }) => {
      const key = readIdempotencyKey(request);
      const idempotency = key ? { key, requestHash: requestHash(kind, body) } : undefined;
      const { record, replayed } = await records.create(kind, principal, body as InputOf<K>, idempotency, (query ?? {}) as Record<string, unknown>);
      const headers: Record<string, string> = { location: `${basePath}/${record.id}` };
      if (replayed) headers['idempotent-replayed'] = 'true';
      return recordResponse(record, 201, headers);
    }),
    bindRoute(deps, routes.get, async ({ principal, params }) => recordResponse(await records.get(kind, principal, params.id))),
    bindRoute(deps, routes.update, async ({ principal, params, body, request }) => {
      const version = requireVersion(request);
      return recordResponse(await records.update(kind, principal, params.id, body as PatchOf<K>, version));
    }),
    bindRoute(deps, routes.delete, async ({ principal, params, request }) => {
      await records.remove(kind, principal, params.id, requireVersion(request));
      return noContent();
    }),
  ];
  bindings.push(
    bindRoute(deps, routes.history, async ({ principal, params, query }) => json(200, await records.history(kind, principal, params.id, query))),
    bindRoute(deps, routes.restore, async ({ principal, params, request }) => recordResponse(await records.restore(kind, principal, params.id, requireVersion(request)))),
  );
  if (routes.timeline) {
    bindings.push(
      bindRoute(deps, routes.timeline, async ({ principal, params, query }) => json(200, await records.timeline(kind, principal, params.id, query))),
    );
  }
  for (const route of routes.actions) {
    const action = route.path.slice(route.path.lastIndexOf('/') + 1);
    bindings.push(bindRoute(deps, route, async ({ principal, params, body }) => recordResponse(await records.act(kind, principal, params.id, action, body as Record<string, unknown>))));
  }
  if (routes.work) {
    bindings.push(bindRoute(deps, routes.work, async ({ principal, params, query }) => json(200, await records.workCounters(kind, principal, params.id, query))));
  }
  return bindings;
}
