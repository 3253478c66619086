import { approveStatementRoute, commissionStatementRoute, dealCommissionRoute, listStatementsRoute, teamStatementsRoute } from '@rapport/shared';
import type { CommissionService } from '../commissions/commission.service';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';

/** Commission statements and what a deal pays; the plans themselves are records at /api/commission-plans. */
export function commissionRouteBindings(deps: BindDependencies, commissions: CommissionService): RouteBinding[] {
  return [
    bindRoute(deps, commissionStatementRoute, async ({ principal, query }) => json(200, await commissions.statement(principal, query))),
    bindRoute(deps, listStatementsRoute, async ({ principal, query }) => json(200, await commissions.list(principal, query))),
    bindRoute(deps, approveStatementRoute, async ({ principal, body }) => json(201, await commissions.approve(principal, body))),
    bindRoute(deps, teamStatementsRoute, async ({ principal, query }) => json(200, await commissions.team(principal, query))),
    bindRoute(deps, dealCommissionRoute, async ({ principal, params }) => json(200, await commissions.dealCommission(principal, params.id))),
  ];
}
