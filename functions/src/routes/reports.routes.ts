import { reportRoute, reportsRoute, type ErrorBody, type ReportName, type ReportsResponse } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { errorResponse, json } from '../http/responses';
import type { ReportsService } from '../services/reports.service';

export function reportRouteBindings(deps: BindDependencies, reports: ReportsService): RouteBinding[] {
  return [
    bindRoute(deps, reportRoute, async ({ principal, params, query }) => json(200, await reports.report(principal, params.report, query))),
    // A dashboard tab's reports in one request: each answered as a read of it alone would be, its error included.
    bindRoute(deps, reportsRoute, async ({ principal, query, context }) => {
      const { names, ...filters } = query;
      // The query's schema let through only names of reports, each once.
      const answers = await reports.reports(principal, names.split(',') as ReportName[], filters);
      const items: ReportsResponse['items'] = answers.map((answer) => {
        if ('result' in answer) return { report: answer.report, status: 200 as const, result: answer.result };
        const refusal = errorResponse(answer.error, (message, cause) => context.error(message, cause));
        return { report: answer.report, status: refusal.status ?? 500, error: (refusal.jsonBody as ErrorBody).error };
      });
      return json(200, { items });
    }),
  ];
}
