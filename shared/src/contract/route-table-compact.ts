import type { RouteEntry, RouteTable } from './route-table';

// The route table as the pane's build inlines it: a record kind's routes all follow from its plural (list, create, get,
// update, delete, history, restore; timeline and work when it has a timeline; an action per name), so each kind is
// written as those few facts and expanded when the pane starts. The JavaScript before the first card is smaller by
// what the repeated paths cost. Types only here: the pane imports this without the contract.

/** A kind's routes in few words: plural, whether it has a timeline (and work), its actions' names, its references. */
export type CompactRecordRoutes = [plural: string, timeline: 0 | 1, actions: string[], references: RouteTable['records'][keyof RouteTable['records']]['references']];
export type CompactRouteTable = { operations: RouteTable['operations']; records: Record<string, CompactRecordRoutes> };

/** The record routes of a plural, as the contract defines them (records.contract.ts). */
function recordRoutes([plural, timeline, actions, references]: CompactRecordRoutes): RouteTable['records'][keyof RouteTable['records']] {
  const base = `/api/${plural}`;
  const one = `${base}/{id}`;
  const get = (path: string): RouteEntry => ({ method: 'GET', path });
  return {
    plural,
    list: get(base),
    create: { method: 'POST', path: base, idempotent: true },
    get: get(one),
    update: { method: 'PATCH', path: one, ifMatch: true },
    delete: { method: 'DELETE', path: one, ifMatch: true },
    history: get(`${one}/history`),
    restore: { method: 'POST', path: `${one}/restore`, ifMatch: true },
    ...(timeline ? { timeline: get(`${one}/timeline`), work: get(`${one}/work`) } : {}),
    actions: Object.fromEntries(actions.map((action) => [action, { method: 'POST', path: `${one}/${action}` } as RouteEntry])),
    references,
  };
}

export function expandRouteTable(compact: CompactRouteTable): RouteTable {
  return {
    operations: compact.operations,
    records: Object.fromEntries(Object.entries(compact.records).map(([kind, routes]) => [kind, recordRoutes(routes)])) as RouteTable['records'],
  };
}

/** The compact form of a route table (the pane's build checks that it expands to the same table). */
export function compactRouteTable(table: RouteTable): CompactRouteTable {
  return {
    operations: table.operations,
    records: Object.fromEntries(
      Object.entries(table.records).map(([kind, routes]) => [kind, [routes.plural, routes.timeline ? 1 : 0, Object.keys(routes.actions), routes.references] as CompactRecordRoutes]),
    ),
  };
}
