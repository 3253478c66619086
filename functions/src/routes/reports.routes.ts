import { CrmError, reportRoute, reportsRoute, type ReportName, type ReportsResponse } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json, statusOf } from '../http/responses';
import type { ReportsService } from '../services/reports.service';

export function reportRouteBindings(deps: BindDependencies, reports: ReportsService): RouteBinding[] {
  return [
    bindRoute(deps, reportRoute, async ({ principal, params, query }) => json(200, await reports.report(principal, params.report, query))),
    // A dashboard tab's reports in one request: each answered as a read of it alone would be, its error included.
    bindRoute(deps, reportsRoute, async ({ principal, query }) => {
      const { names, ...filters } = query;
      const items: ReportsResponse['items'] = await Promise.all(
        (names.split(',') as ReportName[]).map(async (report) => {
          try {
            return { report, status: 200, result: await reports.report(principal, report, filters) };
          } catch (error) {
            if (!(error instanceof CrmError)) throw error;
            return { report, status: statusOf(error), error: { code: error.code, message: error.message, details: error.details } };
          }
        }),
      );
      return json(200, { items });
    }),
  ];
}
