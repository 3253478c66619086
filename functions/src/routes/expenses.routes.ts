import { dealMarginRoute, pendingExpensesRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { ExpensesService } from '../services/expenses.service';

/** A manager's approvals and a deal's margin; expenses themselves are records at /api/expenses (bound before them: `pending` is no expense id). */
export function expenseRouteBindings(deps: BindDependencies, expenses: ExpensesService): RouteBinding[] {
  return [
    bindRoute(deps, pendingExpensesRoute, async ({ principal }) => json(200, await expenses.pending(principal))),
    bindRoute(deps, dealMarginRoute, async ({ principal, params }) => json(200, await expenses.margin(principal, params.id))),
  ];
}
