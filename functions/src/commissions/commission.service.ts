import {
  CrmError,
  RateBook,
  commissionDealOf,
  commissionFor,
  goalRef,
  hasRole,
  notFound,
  periodBounds,
  periodStartOf,
  statementRef,
  toMinor,
  type AdjustmentReason,
  type CommissionAdjustment,
  type CommissionDeal,
  type CommissionPlan,
  type CommissionResult,
  type CommissionStatement,
  type CommissionStatementView,
  type CommissionTerms,
  type Deal,
  type DealCommission,
  type GoalPeriod,
  type Member,
  type TenantSettings,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordWriter } from '../services/record-writer';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { managesOrShares, memberWhosePayCallerSees, notYourPay } from './commission-access';

/** An expense as commissions read it: only approved ones come off a deal's base. */
export type DealExpense = { amount: number; currency: string; date: string };

export type CommissionDependencies = {
  store: Store;
  writer: RecordWriter;
  now: () => Date;
  settingsOf: (tenantId: string) => Promise<TenantSettings>;
  /** A deal's approved expenses (none until expenses are kept). */
  approvedExpensesOf?: (tenantId: string, dealId: string) => Promise<DealExpense[]>;
};

// Bounds on what one answer reads: a rep's deals, the plans, a rep's approved statements, a manager's team.
const MAX_REP_DEALS = 20_000;
const MAX_PLANS = 500;
const MAX_STATEMENTS = 1_000;
const MAX_TEAM = 200;

/** A period of a plan: its kind and first month. */
type Period = { period: GoalPeriod; start: string };

/** A period computed from the deals as they are now. */
type Computed = Period & { plan: CommissionPlan; terms: CommissionTerms; targetMinor: number | null; result: CommissionResult; missingRates: CommissionStatementView['missingRates'] };

/**
 * Commission statements: a draft computed from the rep's won deals whenever it is read, stored once a manager approves
 * it, never changed after. A deal of an approved statement that pays differently now (edited, reopened, lost, deleted,
 * given to someone else) shows the difference as an adjustment in the rep's next statement.
 */
export class CommissionService {
  constructor(private readonly deps: CommissionDependencies) {}

  async statement(principal: Principal, query: { memberId?: string | undefined; day?: string | undefined }): Promise<CommissionStatementView> {
    const member = await memberWhosePayCallerSees(this.deps.store, principal, query.memberId ?? principal.userId);
    return this.statementOf(principal.tenantId, member, query.day ?? this.today());
  }

  async list(principal: Principal, query: { memberId?: string | undefined }): Promise<{ items: CommissionStatementView[] }> {
    const member = await memberWhosePayCallerSees(this.deps.store, principal, query.memberId ?? principal.userId);
    const approved = await this.approvedOf(principal.tenantId, member.id);
    const settings = await this.deps.settingsOf(principal.tenantId);
    return { items: approved.sort((a, b) => b.start.localeCompare(a.start)).map((statement) => viewOfApproved(statement, settings)) };
  }

  async team(principal: Principal, query: { day?: string | undefined }): Promise<{ items: CommissionStatementView[] }> {
    const { store } = this.deps;
    const day = query.day ?? this.today();
    const plans = await this.plans(principal.tenantId);
    const paid = [...new Set(plans.flatMap((plan) => plan.memberIds))].filter((id) => id !== principal.userId).slice(0, MAX_TEAM);
    const members = await store.getMany('member', principal.tenantId, paid);
    const me = await store.get('member', principal.tenantId, principal.userId);
    const mine = hasRole(principal.roles, 'admin') ? members : members.filter((member) => managesOrShares(me, member));
    const items: CommissionStatementView[] = [];
    // The plans and settings are read once for the whole team.
    const settings = await this.deps.settingsOf(principal.tenantId);
    for (const member of mine) items.push(await this.statementOf(principal.tenantId, member, day, { plans, settings }));
    return { items };
  }

  async approve(principal: Principal, body: Period & { memberId: string; totalMinor: number }): Promise<CommissionStatementView> {
    const { store, writer } = this.deps;
    const member = await memberWhosePayCallerSees(store, principal, body.memberId);
    const existing = await store.findByExternalRef('commissionStatement', principal.tenantId, statementRef(body));
    if (existing) throw new CrmError('conflict', 'COMMISSION.ALREADY_APPROVED', `This statement was approved on ${existing.approvedAt.slice(0, 10)}: an approved statement never changes; later differences appear in the next one.`, { id: existing.id });
    const plan = await this.planFor(principal.tenantId, member.id, body);
    if (!plan || plan.period !== body.period) throw new CrmError('unprocessable', 'COMMISSION.NO_PLAN', `No commission plan pays ${member.displayName} for the ${body.period} starting ${body.start}: an admin adds them to a plan first.`, { memberId: member.id });
    const settings = await this.deps.settingsOf(principal.tenantId);
    const deals = await this.repDeals(principal.tenantId, member.id);
    const computed = await this.compute(principal.tenantId, plan, body, member.id, deals, settings);
    if (computed.missingRates.length > 0) {
      const currencies = [...new Set(computed.missingRates.map((missing) => missing.currency))].join(', ');
      throw new CrmError('conflict', 'COMMISSION.MISSING_RATE', `Deals in ${currencies} have no exchange rate, so what they pay is unknown: an admin adds the rate in Settings, then approve again.`, { currencies: currencies.split(', ') });
    }
    const adjustments = await this.adjustments(principal.tenantId, member.id, body.start, deals, settings);
    const totalMinor = computed.result.totalMinor + adjustments.reduce((sum, adjustment) => sum + adjustment.commissionMinor, 0);
    if (totalMinor !== body.totalMinor) throw new CrmError('conflict', 'COMMISSION.STATEMENT_CHANGED', 'The statement changed since you opened it (a deal was won, edited or reopened): read it again, then approve.', { totalMinor });
    const { record } = await writer.add(
      'commissionStatement',
      principal,
      {
        memberId: member.id,
        planId: plan.id,
        planName: plan.name,
        terms: { ...computed.terms, tiers: [...computed.terms.tiers], productRates: [...computed.terms.productRates] },
        period: body.period,
        start: body.start,
        targetMinor: computed.targetMinor,
        currency: settings.reportingCurrency,
        wonMinor: computed.result.wonMinor,
        lines: computed.result.lines,
        adjustments,
        totalMinor,
        approvedBy: principal.userId,
        approvedAt: this.deps.now().toISOString(),
      },
      { ownerId: member.id, origin: 'system' },
    );
    return viewOfApproved(record, settings);
  }

  /** What an open deal adds to its owner's commission for the current period if it is won now; a won deal, what it paid. */
  async dealCommission(principal: Principal, dealId: string): Promise<DealCommission> {
    const { store } = this.deps;
    const deal = await store.get('deal', principal.tenantId, dealId);
    if (!deal) throw notFound('deal', dealId);
    if (deal.ownerId !== principal.userId) {
      const owner = await store.get('member', principal.tenantId, deal.ownerId);
      const me = await store.get('member', principal.tenantId, principal.userId);
      const sees = hasRole(principal.roles, 'admin') || (hasRole(principal.roles, 'manager') && owner !== null && managesOrShares(me, owner));
      if (!sees) throw notYourPay();
    }
    const settings = await this.deps.settingsOf(principal.tenantId);
    const now = this.deps.now().toISOString();
    const day = deal.status === 'won' && deal.closedAt ? deal.closedAt.slice(0, 10) : now.slice(0, 10);
    const plan = await this.planFor(principal.tenantId, deal.ownerId, { day });
    const none: DealCommission = { dealId, memberId: deal.ownerId, planId: null, planName: null, period: null, start: null, currency: settings.reportingCurrency, payMinor: 0, effectiveRate: null, capped: false, noGoal: false, missingRate: null };
    if (!plan || deal.status === 'lost') return plan ? { ...none, planId: plan.id, planName: plan.name, period: plan.period } : none;
    const period = { period: plan.period, start: periodStartOf(plan.period, day) };
    const others = (await this.repDeals(principal.tenantId, deal.ownerId)).filter((other) => other.id !== deal.id);
    const asWon: Deal = deal.status === 'won' ? deal : { ...deal, status: 'won', closedAt: now };
    const without = await this.compute(principal.tenantId, plan, period, deal.ownerId, others, settings);
    const withDeal = await this.compute(principal.tenantId, plan, period, deal.ownerId, [...others, asWon], settings);
    const missing = withDeal.missingRates.find((entry) => entry.dealId === deal.id);
    const line = withDeal.result.lines.find((entry) => entry.dealId === deal.id);
    const payMinor = missing ? 0 : withDeal.result.totalMinor - without.result.totalMinor;
    return {
      ...none,
      planId: plan.id,
      planName: plan.name,
      period: plan.period,
      start: period.start,
      payMinor,
      effectiveRate: line && line.wonMinor > 0 ? Math.round((payMinor / line.wonMinor) * 10_000) / 100 : null,
      capped: line?.capped ?? false,
      noGoal: withDeal.targetMinor === null,
      missingRate: missing?.currency ?? null,
    };
  }

  private today(): string {
    return this.deps.now().toISOString().slice(0, 10);
  }

  private async statementOf(tenantId: string, member: Member, day: string, read?: { plans: CommissionPlan[]; settings: TenantSettings }): Promise<CommissionStatementView> {
    const settings = read?.settings ?? (await this.deps.settingsOf(tenantId));
    const plan = await this.planFor(tenantId, member.id, { day }, read?.plans);
    if (!plan) {
      const start = periodStartOf('month', day);
      return { ...emptyView(member.id, settings), period: 'month', start, ends: periodBounds('month', start).ends.slice(0, 10) };
    }
    const period = { period: plan.period, start: periodStartOf(plan.period, day) };
    const approved = await this.deps.store.findByExternalRef('commissionStatement', tenantId, statementRef({ memberId: member.id, ...period }));
    if (approved) return viewOfApproved(approved, settings);
    const deals = await this.repDeals(tenantId, member.id);
    const computed = await this.compute(tenantId, plan, period, member.id, deals, settings);
    const adjustments = await this.adjustments(tenantId, member.id, period.start, deals, settings);
    return {
      status: 'draft',
      memberId: member.id,
      planId: plan.id,
      planName: plan.name,
      ...period,
      ends: periodBounds(period.period, period.start).ends.slice(0, 10),
      targetMinor: computed.targetMinor,
      currency: settings.reportingCurrency,
      wonMinor: computed.result.wonMinor,
      attainment: computed.result.attainment,
      lines: computed.result.lines,
      adjustments,
      totalMinor: computed.result.totalMinor + adjustments.reduce((sum, adjustment) => sum + adjustment.commissionMinor, 0),
      missingRates: computed.missingRates,
    };
  }

  private async plans(tenantId: string): Promise<CommissionPlan[]> {
    return (await listUpTo(this.deps.store, 'commissionPlan', tenantId, {}, MAX_PLANS)).items;
  }

  /** The plan that pays a rep in the period holding a day (or starting in a month): of those naming them, the one that started last. */
  private async planFor(tenantId: string, memberId: string, at: { day: string } | Period, plans?: CommissionPlan[]): Promise<CommissionPlan | null> {
    const candidates = (plans ?? (await this.plans(tenantId))).filter((plan) => {
      if (!plan.memberIds.includes(memberId)) return false;
      const start = 'day' in at ? periodStartOf(plan.period, at.day) : at.start;
      return plan.from <= start && (plan.until === undefined || plan.until >= start);
    });
    return candidates.sort((a, b) => b.from.localeCompare(a.from) || b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  }

  private async repDeals(tenantId: string, memberId: string): Promise<Deal[]> {
    return (await listUpTo(this.deps.store, 'deal', tenantId, { ownerId: memberId }, MAX_REP_DEALS)).items;
  }

  /** A period's won deals under a plan's terms (or an approved statement's own, when it is computed again). */
  private async compute(tenantId: string, plan: CommissionPlan, period: Period, memberId: string, deals: readonly Deal[], settings: TenantSettings, kept?: Pick<CommissionStatement, 'terms' | 'targetMinor'>): Promise<Computed> {
    const terms = kept?.terms ?? termsOf(plan, settings.reportingCurrency);
    const targetMinor = kept ? kept.targetMinor : await this.targetOf(tenantId, memberId, period, settings);
    const bounds = periodBounds(period.period, period.start);
    const book = new RateBook(settings.exchangeRates, settings.reportingCurrency);
    const won: CommissionDeal[] = [];
    const missingRates: Computed['missingRates'] = [];
    for (const deal of deals) {
      if (deal.status !== 'won' || deal.ownerId !== memberId || !deal.closedAt || deal.closedAt < bounds.starts || deal.closedAt >= bounds.ends) continue;
      const expenses = terms.expensesReduceBase && this.deps.approvedExpensesOf ? await this.deps.approvedExpensesOf(tenantId, deal.id) : [];
      const converted = commissionDealOf(deal, book, settings.reportingCurrency, expenses);
      if ('missingRate' in converted) missingRates.push({ dealId: deal.id, name: deal.name, currency: converted.missingRate });
      else won.push(converted);
    }
    return { ...period, plan, terms, targetMinor, result: commissionFor(won, targetMinor, terms), missingRates };
  }

  private async targetOf(tenantId: string, memberId: string, period: Period, settings: TenantSettings): Promise<number | null> {
    const goal = await this.deps.store.findByExternalRef('goal', tenantId, goalRef({ scope: 'rep', memberId, metric: 'wonAmount', period: period.period, start: period.start }));
    return goal ? toMinor(goal.target, settings.reportingCurrency) : null;
  }

  private async approvedOf(tenantId: string, memberId: string): Promise<CommissionStatement[]> {
    return (await listUpTo(this.deps.store, 'commissionStatement', tenantId, { ownerId: memberId }, MAX_STATEMENTS)).items.filter((statement) => statement.memberId === memberId);
  }

  /**
   * For each approved statement of a period before `start`: its deals computed again as they are now, under the terms
   * and goal it was approved with, less what they were paid (its lines and every adjustment approved since).
   */
  private async adjustments(tenantId: string, memberId: string, start: string, deals: readonly Deal[], settings: TenantSettings): Promise<CommissionAdjustment[]> {
    const approved = await this.approvedOf(tenantId, memberId);
    const byId = new Map(deals.map((deal) => [deal.id, deal]));
    const adjustments: CommissionAdjustment[] = [];
    for (const statement of approved.filter((candidate) => candidate.start < start).sort((a, b) => a.start.localeCompare(b.start))) {
      const paid = new Map<string, { name: string; minor: number }>();
      const add = (dealId: string, name: string, minor: number) => paid.set(dealId, { name, minor: (paid.get(dealId)?.minor ?? 0) + minor });
      for (const line of statement.lines) add(line.dealId, line.name, line.commissionMinor);
      for (const later of approved) for (const adjustment of later.adjustments) if (adjustment.forStart === statement.start && adjustment.forPeriod === statement.period) add(adjustment.dealId, adjustment.name, adjustment.commissionMinor);
      const plan = { id: statement.planId, name: statement.planName } as CommissionPlan;
      const now = await this.compute(tenantId, plan, statement, memberId, deals, settings, statement);
      const nowMinor = new Map(now.result.lines.map((line) => [line.dealId, line.commissionMinor]));
      const unknown = new Set(now.missingRates.map((missing) => missing.dealId));
      for (const dealId of new Set([...paid.keys(), ...nowMinor.keys()])) {
        if (unknown.has(dealId)) continue;
        const was = paid.get(dealId)?.minor ?? 0;
        const is = nowMinor.get(dealId) ?? 0;
        if (was === is) continue;
        const deal = byId.get(dealId) ?? (await this.deps.store.get('deal', tenantId, dealId));
        adjustments.push({ dealId, name: deal?.name ?? paid.get(dealId)?.name ?? dealId, forPeriod: statement.period, forStart: statement.start, reason: reasonOf(deal, memberId), paidMinor: was, nowMinor: is, commissionMinor: is - was });
      }
    }
    return adjustments;
  }
}

function reasonOf(deal: Deal | null | undefined, memberId: string): AdjustmentReason {
  if (!deal) return 'deleted';
  if (deal.ownerId !== memberId) return 'reassigned';
  if (deal.status === 'open') return 'reopened';
  if (deal.status === 'lost') return 'lost';
  return 'changed';
}

function termsOf(plan: CommissionPlan, reportingCurrency: string): CommissionTerms {
  return {
    tiers: plan.tiers,
    mode: plan.mode,
    productRates: plan.productRates,
    ...(plan.cap !== undefined ? { capMinor: toMinor(plan.cap, reportingCurrency) } : {}),
    expensesReduceBase: plan.expensesReduceBase,
  };
}

function emptyView(memberId: string, settings: TenantSettings): Omit<CommissionStatementView, 'period' | 'start' | 'ends'> {
  return { status: 'draft', memberId, planId: null, planName: null, targetMinor: null, currency: settings.reportingCurrency, wonMinor: 0, attainment: null, lines: [], adjustments: [], totalMinor: 0, missingRates: [] };
}

function viewOfApproved(statement: CommissionStatement, settings: TenantSettings): CommissionStatementView {
  return {
    status: 'approved',
    id: statement.id,
    memberId: statement.memberId,
    planId: statement.planId,
    planName: statement.planName,
    period: statement.period,
    start: statement.start,
    ends: periodBounds(statement.period, statement.start).ends.slice(0, 10),
    targetMinor: statement.targetMinor,
    currency: statement.currency || settings.reportingCurrency,
    wonMinor: statement.wonMinor,
    attainment: statement.targetMinor ? statement.wonMinor / statement.targetMinor : null,
    lines: statement.lines,
    adjustments: statement.adjustments,
    totalMinor: statement.totalMinor,
    missingRates: [],
    approvedBy: statement.approvedBy,
    approvedAt: statement.approvedAt,
  };
}
