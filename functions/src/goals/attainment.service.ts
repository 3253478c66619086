import {
  convertTotals,
  hasRole,
  minorDigits,
  periodBounds,
  periodMonths,
  periodStartOf,
  progressOf,
  roleRequired,
  teamDayOf,
  teamOn,
  type Attainment,
  type Goal,
  type GoalProgress,
  type ReportCell,
  type AttainmentQuerySchema,
  type TenantSettings,
} from '@rapport/shared';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';

type Query = z.output<typeof AttainmentQuerySchema>;
type GoalFields = GoalProgress['goal'];
/** Whose figures a goal counts, per owner and month; null for the whole tenant's. */
type Counts = ((owner: string, month: string) => boolean) | null;

/** Goals read for one answer at most: every rep's, team's and the company's for the periods kept. */
const MAX_GOALS = 5_000;
const MAX_MEMBERS = 2_000;
const MAX_TERRITORIES = 500;

export type AttainmentDependencies = { store: Store; now: () => Date; settingsOf: (tenantId: string) => Promise<TenantSettings> };

/**
 * Goals and how far along they are: actual figures from the report cells (so the cost is the same at any history
 * size), won amounts converted to the reporting currency at each month's rate. A team's or the company's goal is the
 * one set for it, or else the sum of its current reps' goals. A team's figures count each rep's month for the team
 * they were in at the month's end (their team history).
 */
export class AttainmentService {
  constructor(private readonly deps: AttainmentDependencies) {}

  async attainment(principal: Principal, query: Query): Promise<Attainment> {
    if (query.view === 'team' && !hasRole(principal.roles, 'manager')) throw roleRequired('manager', 'see every rep’s attainment');
    if (query.period === 'week') return this.weekly(principal, query);
    const { store } = this.deps;
    const now = this.deps.now();
    const start = periodStartOf(query.period, query.day ?? now.toISOString().slice(0, 10));
    const months = periodMonths(query.period, start);
    const bounds = periodBounds(query.period, start);
    const [goals, members, territories, settings, cells] = await Promise.all([
      listUpTo(store, 'goal', principal.tenantId, {}, MAX_GOALS),
      listUpTo(store, 'member', principal.tenantId, {}, MAX_MEMBERS),
      listUpTo(store, 'territory', principal.tenantId, {}, MAX_TERRITORIES),
      this.deps.settingsOf(principal.tenantId),
      Promise.all((['deal', 'newDeal', 'activity', 'lead'] as const).map(async (family) => [family, (await store.reportCells(principal.tenantId, family, months)).filter((cell) => cell.month >= months.from && cell.month <= months.to)] as const)),
    ]);
    const inPeriod = goals.items.filter((goal) => goal.period === query.period && goal.start === start);
    const actuals = new Actuals(new Map(cells), settings);
    const progress = (goal: GoalFields, counts: Counts, goalId?: string): GoalProgress => {
      const { value, missing } = actuals.of(goal, counts);
      return { goal, ...(goalId ? { goalId } : {}), actual: value, ...progressOf(value, goal.target, goal.stretch, bounds, now.toISOString()), missingCurrencies: missing };
    };

    const teamOf = new Map(members.items.map((member) => [member.id, member.team?.trim().toLowerCase() ?? '']));
    const memberById = new Map(members.items.map((member) => [member.id, member]));
    const today = now.toISOString().slice(0, 10);
    const repGoals = inPeriod.filter((goal) => goal.scope === 'rep');
    const mine = teamOf.get(principal.userId) ?? '';
    const shownReps = query.view === 'team' ? repGoals : repGoals.filter((goal) => goal.memberId === principal.userId);
    const teamNames = query.view === 'team' ? [...new Set([...teamOf.values()].filter(Boolean))] : mine ? [mine] : [];
    const teams = teamNames.flatMap((team) => {
      const owners = new Set([...teamOf].filter(([, name]) => name === team).map(([id]) => id));
      const own = inPeriod.filter((goal) => goal.scope === 'team' && goal.team?.trim().toLowerCase() === team);
      const label = members.items.find((member) => member.team?.trim().toLowerCase() === team)?.team ?? team;
      // Each month of a rep's counts for the team they were in at its end (today, for the month under way).
      const inTeam: Counts = (owner, month) => {
        const member = memberById.get(owner);
        return member !== undefined && teamOn(member, teamDayOf(month, today)) === team;
      };
      return withSums(own, repGoals.filter((goal) => owners.has(goal.memberId ?? '')), { scope: 'team', team: label }).map(([goal, id]) => progress(goal, inTeam, id));
    });
    // A territory's figures are its assigned reps' (as they are now); the caller sees the ones they cover.
    const shownTerritories = territories.items
      .filter((territory) => (query.view === 'team' ? true : territory.repIds.includes(principal.userId)))
      .sort((a, b) => a.name.localeCompare(b.name));
    const territoryProgress = shownTerritories.flatMap((territory) => {
      const reps = new Set(territory.repIds);
      const own = inPeriod.filter((goal) => goal.scope === 'territory' && goal.territoryId === territory.id);
      return withSums(own, repGoals.filter((goal) => reps.has(goal.memberId ?? '')), { scope: 'territory', territoryId: territory.id }).map(([goal, id]) => ({ ...progress(goal, (owner) => reps.has(owner), id), territoryName: territory.name }));
    });
    const company = withSums(inPeriod.filter((goal) => goal.scope === 'tenant'), repGoals, { scope: 'tenant' }).map(([goal, id]) => progress(goal, null, id));
    return {
      period: query.period,
      start,
      ends: bounds.ends.slice(0, 10),
      reportingCurrency: settings.reportingCurrency,
      bands: settings.goalBands,
      reps: shownReps.map((goal) => progress(fieldsOf(goal), (owner) => owner === goal.memberId, goal.id)),
      teams,
      territories: territoryProgress,
      company,
    };
  }

  /**
   * A week's targets: reps' own (weekly targets are set per rep), each with the done activities of its kind the rep owns
   * in the week (Monday 00:00 to Monday 00:00 UTC), read from the rep's own activities: a bounded read per goal, as the
   * report cells count by month.
   */
  private async weekly(principal: Principal, query: Query): Promise<Attainment> {
    const { store } = this.deps;
    const now = this.deps.now();
    const start = periodStartOf('week', query.day ?? now.toISOString().slice(0, 10));
    const bounds = periodBounds('week', start);
    const [goals, settings] = await Promise.all([listUpTo(store, 'goal', principal.tenantId, {}, MAX_GOALS), this.deps.settingsOf(principal.tenantId)]);
    const shown = goals.items.filter(
      (goal) => goal.period === 'week' && goal.start === start && goal.scope === 'rep' && (query.view === 'team' || goal.memberId === principal.userId),
    );
    const reps = await Promise.all(
      shown.map(async (goal): Promise<GoalProgress> => {
        const actual = await doneInWeek(store, principal.tenantId, goal.memberId ?? '', goal.activityKind, bounds);
        return { goal: fieldsOf(goal), goalId: goal.id, actual, ...progressOf(actual, goal.target, goal.stretch, bounds, now.toISOString()), missingCurrencies: [] };
      }),
    );
    return { period: 'week', start, ends: bounds.ends.slice(0, 10), reportingCurrency: settings.reportingCurrency, bands: settings.goalBands, reps, teams: [], territories: [], company: [] };
  }
}

/** A rep's activities read for one week's actual at most: more than anyone logs in a week. */
const MAX_WEEK_ACTIVITIES = 2_000;

/** The done activities of a kind a rep owns within the bounds: their own activities, linked to their member record. */
async function doneInWeek(store: Store, tenantId: string, memberId: string, kind: string | undefined, bounds: { starts: string; ends: string }): Promise<number> {
  const { items } = await listUpTo(store, 'activity', tenantId, { linkedTo: { kind: 'member', id: memberId }, from: bounds.starts, before: bounds.ends }, MAX_WEEK_ACTIVITIES);
  return items.filter((activity) => activity.status === 'done' && activity.kind === kind && activity.ownerId === memberId).length;
}

function fieldsOf(goal: Goal): GoalFields {
  const { scope, memberId, team, territoryId, metric, activityKind, period, start, target, stretch } = goal;
  return { scope, metric, period, start, target, ...(memberId ? { memberId } : {}), ...(team ? { team } : {}), ...(territoryId ? { territoryId } : {}), ...(activityKind ? { activityKind } : {}), ...(stretch !== undefined ? { stretch } : {}) };
}

/**
 * The goals set for a team (or the company), and for each metric it has none of, the sum of its reps' goals. Stretch
 * targets add up too, a rep without one counting their target.
 */
function withSums(own: readonly Goal[], reps: readonly Goal[], as: Pick<GoalFields, 'scope' | 'team' | 'territoryId'>): [GoalFields, string | undefined][] {
  const key = (goal: Pick<Goal, 'metric' | 'activityKind'>) => `${goal.metric}|${goal.activityKind ?? ''}`;
  const set = new Set(own.map(key));
  const sums = new Map<string, GoalFields>();
  for (const goal of reps) {
    if (set.has(key(goal))) continue;
    const sum = sums.get(key(goal));
    const stretch = goal.stretch ?? (sum?.stretch !== undefined ? goal.target : undefined);
    sums.set(key(goal), {
      ...as,
      metric: goal.metric,
      ...(goal.activityKind ? { activityKind: goal.activityKind } : {}),
      period: goal.period,
      start: goal.start,
      target: (sum?.target ?? 0) + goal.target,
      ...(stretch !== undefined || sum?.stretch !== undefined ? { stretch: (sum?.stretch ?? sum?.target ?? 0) + (stretch ?? goal.target) } : {}),
    });
  }
  return [...own.map((goal): [GoalFields, string] => [fieldsOf(goal), goal.id]), ...[...sums.values()].map((goal): [GoalFields, undefined] => [goal, undefined])];
}

/** What the report cells of the period say for a goal's metric, over some owners (or all of the tenant's). */
class Actuals {
  constructor(
    private readonly cells: ReadonlyMap<'deal' | 'newDeal' | 'activity' | 'lead', readonly ReportCell[]>,
    private readonly settings: TenantSettings,
  ) {}

  of(goal: Pick<GoalFields, 'metric' | 'activityKind'>, counts: Counts): { value: number; missing: string[] } {
    const mine = (cell: ReportCell) => counts === null || counts(cell.dims.owner ?? '', cell.month);
    const count = (family: 'deal' | 'newDeal' | 'activity' | 'lead', keep: (cell: ReportCell) => boolean) =>
      (this.cells.get(family) ?? []).filter((cell) => mine(cell) && keep(cell)).reduce((sum, cell) => sum + (cell.measures.count ?? 0), 0);
    const won = (cell: ReportCell) => cell.dims.status === 'won' && cell.dims.product === '*';
    switch (goal.metric) {
      case 'wonDeals':
        return { value: count('deal', won), missing: [] };
      case 'activities':
        return { value: count('activity', (cell) => cell.dims.kind === goal.activityKind && cell.dims.status === 'done'), missing: [] };
      case 'newDeals':
        return { value: count('newDeal', () => true), missing: [] };
      case 'convertedLeads':
        return { value: count('lead', (cell) => cell.dims.status === 'converted'), missing: [] };
      case 'wonAmount': {
        const totals = new Map<string, Map<string, number>>();
        for (const cell of (this.cells.get('deal') ?? []).filter((candidate) => mine(candidate) && won(candidate))) {
          const currency = cell.dims.currency ?? this.settings.reportingCurrency;
          const months = totals.get(currency) ?? totals.set(currency, new Map()).get(currency)!;
          months.set(cell.month, (months.get(cell.month) ?? 0) + (cell.measures.minor ?? 0));
        }
        const converted = convertTotals(totals, this.settings.exchangeRates, this.settings.reportingCurrency);
        return { value: converted.minor / 10 ** minorDigits(this.settings.reportingCurrency), missing: converted.missing };
      }
    }
  }
}
