// Plain code, no schema: the pane's first JavaScript expands the inlined route table with this, without loading zod.
import type { HttpMethod } from './route';
import type { RecordRouteEntries, RouteEntry, RouteTable } from './route-table';

/**
 * The table as the pane's build inlines it: every record kind's routes follow one pattern (`/api/{plural}`,
 * `/api/{plural}/{id}`, `…/history`, `…/restore`, `…/timeline`, `…/work`, `…/{action}`), so a kind is its plural, whether
 * it has a timeline, its actions' names and its references; an operation is its method, path and flags
 * (1: If-Match, 2: Idempotency-Key). `expandRouteTable` gives back `routeTable` exactly (a test holds it to that).
 */
export type CompactRouteTable = {
  operations: Record<string, [HttpMethod, string, number?]>;
  records: Record<string, [string, 0 | 1, string[], [string, string, string?][]]>;
};

export function expandRouteTable(compact: CompactRouteTable): RouteTable {
  const entry = (method: HttpMethod, path: string, flags = 0): RouteEntry => ({ method, path, ...(flags & 1 ? { ifMatch: true as const } : {}), ...(flags & 2 ? { idempotent: true as const } : {}) });
  const records = Object.fromEntries(
    Object.entries(compact.records).map(([kind, [plural, timeline, actions, references]]) => {
      const base = `/api/${plural}`;
      const one = `${base}/{id}`;
      const record: RecordRouteEntries = {
        plural,
        list: entry('GET', base),
        create: entry('POST', base, 2),
        get: entry('GET', one),
        update: entry('PATCH', one, 1),
        delete: entry('DELETE', one, 1),
        history: entry('GET', `${one}/history`),
        restore: entry('POST', `${one}/restore`, 1),
        ...(timeline ? { timeline: entry('GET', `${one}/timeline`), work: entry('GET', `${one}/work`) } : {}),
        actions: Object.fromEntries(actions.map((action) => [action, entry('POST', `${one}/${action}`)])),
        references: references.map(([field, referenced, key]) => ({ field, kind: referenced, ...(key ? { key } : {}) })),
      };
      return [kind, record];
    }),
  );
  return {
    operations: Object.fromEntries(Object.entries(compact.operations).map(([name, [method, path, flags]]) => [name, entry(method, path, flags)])) as RouteTable['operations'],
    records: records as RouteTable['records'],
  };
}
