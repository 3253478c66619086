import { crudKinds, kinds, referencesOf, type CrudKind } from '../kinds/kinds';
import { operations, type OperationName } from './api.contract';
import { recordRoutesByKind } from './records.contract';
import type { ApiRoute, HttpMethod } from './route';

/** What a client needs of a route to call it: plain data, no schema. */
export type RouteEntry = { method: HttpMethod; path: string; ifMatch?: true; idempotent?: true };

/** A reference a record holds to another record (from the kind definition), so a client knows what a write touches. */
export type ReferenceEntry = { field: string; kind: string; key?: string };

export type RecordRouteEntries = {
  plural: string;
  list: RouteEntry;
  create: RouteEntry;
  get: RouteEntry;
  update: RouteEntry;
  delete: RouteEntry;
  history: RouteEntry;
  restore: RouteEntry;
  timeline?: RouteEntry;
  work?: RouteEntry;
  actions: Record<string, RouteEntry>;
  references: ReferenceEntry[];
};

/** The API's routes as plain data, from the contract and the kind definitions. The pane's build inlines it as JSON. */
export type RouteTable = { operations: Record<OperationName, RouteEntry>; records: Record<CrudKind, RecordRouteEntries> };

function entryOf(route: ApiRoute): RouteEntry {
  return {
    method: route.method,
    path: route.path,
    ...(route.ifMatch ? { ifMatch: true as const } : {}),
    ...(route.idempotent ? { idempotent: true as const } : {}),
  };
}

function recordEntries(kind: CrudKind): RecordRouteEntries {
  const routes = recordRoutesByKind[kind];
  return {
    plural: kinds[kind].plural,
    list: entryOf(routes.list),
    create: entryOf(routes.create),
    get: entryOf(routes.get),
    update: entryOf(routes.update),
    delete: entryOf(routes.delete),
    history: entryOf(routes.history),
    restore: entryOf(routes.restore),
    ...(routes.timeline ? { timeline: entryOf(routes.timeline) } : {}),
    ...(routes.work ? { work: entryOf(routes.work) } : {}),
    actions: Object.fromEntries(routes.actions.map((route) => [route.path.slice(route.path.lastIndexOf('/') + 1), entryOf(route)])),
    references: referencesOf(kind).map(({ field, kind: referenced, key }) => ({ field, kind: referenced, ...(key ? { key } : {}) })),
  };
}

export const routeTable: RouteTable = {
  operations: Object.fromEntries(Object.entries(operations).map(([name, route]) => [name, entryOf(route)])) as Record<OperationName, RouteEntry>,
  records: Object.fromEntries(crudKinds.map((kind) => [kind, recordEntries(kind)])) as Record<CrudKind, RecordRouteEntries>,
};

export { expandRouteTable, type CompactRouteTable } from './route-table-expand';
import type { CompactRouteTable } from './route-table-expand';

/** The table in the form the pane's build inlines (see `CompactRouteTable`). */
export function compactRouteTable(table: RouteTable): CompactRouteTable {
  const flags = (entry: RouteEntry) => (entry.ifMatch ? 1 : 0) + (entry.idempotent ? 2 : 0);
  return {
    operations: Object.fromEntries(Object.entries(table.operations).map(([name, entry]) => [name, flags(entry) ? [entry.method, entry.path, flags(entry)] : [entry.method, entry.path]])),
    records: Object.fromEntries(
      Object.entries(table.records).map(([kind, entries]) => [
        kind,
        [entries.plural, entries.timeline ? 1 : 0, Object.keys(entries.actions), entries.references.map((reference) => (reference.key ? [reference.field, reference.kind, reference.key] : [reference.field, reference.kind]))],
      ]),
    ),
  };
}

