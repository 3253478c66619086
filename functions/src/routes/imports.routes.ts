import { importContactsRoute, importLeadsRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { CsvImportService } from '../services/csv-import.service';

export function importRouteBindings(deps: BindDependencies, imports: CsvImportService): RouteBinding[] {
  return [
    bindRoute(deps, importLeadsRoute, async ({ principal, body }) => json(200, await imports.importBatch(principal, 'lead', body))),
    bindRoute(deps, importContactsRoute, async ({ principal, body }) => json(200, await imports.importBatch(principal, 'contact', body))),
  ];
}
