import { MAX_PENDING_PER_REP, dealMarginOf, type DealMargin, type PendingExpenses, type TenantSettings } from '@rapport/shared';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { readScopeOf } from './read-scope';
import type { RecordService } from './records.service';

// A tenant's members, read whole for an admin's approvals (as reports read them).
const MAX_MEMBERS = 2_000;
// A deal's expenses read for its margin, at most: a deal has a few, never thousands.
const MAX_DEAL_EXPENSES = 1_000;

export type ExpensesServiceDependencies = {
  store: Store;
  records: RecordService;
  now: () => Date;
  settingsOf: (tenantId: string) => Promise<Pick<TenantSettings, 'reportingCurrency' | 'exchangeRates'>>;
};

/** What expenses add up to beyond their records: a manager's approvals, a deal's margin. */
export class ExpensesService {
  constructor(private readonly deps: ExpensesServiceDependencies) {}

  /**
   * The submitted expenses a manager decides: their team's (an admin's, every member's), never their own. One bounded
   * read per rep of the rep's open (submitted) expenses; the oldest first.
   */
  async pending(principal: Principal): Promise<PendingExpenses> {
    const { store } = this.deps;
    const scope = await readScopeOf(store, principal);
    const owners = scope.all ? (await listUpTo(store, 'member', principal.tenantId, {}, MAX_MEMBERS)).items.map((member) => member.id) : [...scope.ownerIds];
    const pages = await Promise.all(
      owners
        .filter((id) => id !== principal.userId)
        .map((id) => store.list('expense', principal.tenantId, { linkedTo: { kind: 'member', id }, openOnly: true, limit: MAX_PENDING_PER_REP })),
    );
    const items = pages.flatMap((page) => page.items).filter((expense) => expense.status === 'submitted');
    items.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
    return { items, capped: pages.some((page) => page.nextCursor !== null) };
  }

  /** A deal's approved expenses (every rep's), as commissions take them off the deal's base where a plan says so. */
  async approvedOf(tenantId: string, dealId: string): Promise<{ amount: number; currency: string; date: string }[]> {
    const expenses = await listUpTo(this.deps.store, 'expense', tenantId, { linkedTo: { kind: 'deal', id: dealId } }, MAX_DEAL_EXPENSES);
    return expenses.items.filter((expense) => expense.status === 'approved').map(({ amount, currency, date }) => ({ amount, currency, date }));
  }

  /** A deal's amount less its approved expenses (every rep's: a margin is the deal's, not one rep's). */
  async margin(principal: Principal, dealId: string): Promise<DealMargin> {
    const deal = await this.deps.records.get('deal', principal, dealId);
    const [expenses, settings] = await Promise.all([
      listUpTo(this.deps.store, 'expense', principal.tenantId, { linkedTo: { kind: 'deal', id: dealId } }, MAX_DEAL_EXPENSES),
      this.deps.settingsOf(principal.tenantId),
    ]);
    return dealMarginOf(deal, expenses.items, { reportingCurrency: settings.reportingCurrency, rates: settings.exchangeRates, thisMonth: this.deps.now().toISOString().slice(0, 7) });
  }
}
