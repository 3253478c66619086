import { addDays, weekdayOf } from '../appointments/calendar-time.rules';

// What a goal measures and over which months (or which week), and how far along it is: pure arithmetic on figures the
// server reads from the report cells (or, for a week, from the rep's own activities).

export const goalScopes = ['rep', 'team', 'territory', 'tenant'] as const;
export type GoalScope = (typeof goalScopes)[number];

export const goalMetrics = ['wonAmount', 'wonDeals', 'newDeals', 'activities', 'convertedLeads'] as const;
export type GoalMetric = (typeof goalMetrics)[number];

/** The periods made of months, which every metric may have. */
export const goalPeriods = ['month', 'quarter', 'year'] as const;
export type GoalPeriod = (typeof goalPeriods)[number];

/** Every period a goal may have: a week (Monday to Sunday, ISO) only for activities, as a rep's weekly target. */
export const allGoalPeriods = ['week', ...goalPeriods] as const;
export type AnyGoalPeriod = (typeof allGoalPeriods)[number];

/** The metrics a weekly goal may count. */
export const weeklyGoalMetrics: readonly GoalMetric[] = ['activities'];

const MONTHS_IN: Record<GoalPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The Monday of the ISO week that holds a day (`YYYY-MM-DD`, or a timestamp's date). */
export function mondayOf(day: string): string {
  const date = day.slice(0, 10);
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** Whether a week goal's start is a Monday (`YYYY-MM-DD`). */
export function isWeekStart(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && mondayOf(day) === day;
}

/** Whether a period can start in this month: any month; a quarter in January, April, July or October; a year in January. */
export function isPeriodStart(period: GoalPeriod, month: string): boolean {
  const index = Number(month.slice(5, 7)) - 1;
  return index % MONTHS_IN[period] === 0;
}

/** The period of this kind that holds a day (`YYYY-MM-DD` or a timestamp): its first month, or a week's Monday. */
export function periodStartOf(period: AnyGoalPeriod, day: string): string {
  if (period === 'week') return mondayOf(day);
  const year = day.slice(0, 4);
  const index = Number(day.slice(5, 7)) - 1;
  const first = index - (index % MONTHS_IN[period]);
  return `${year}-${String(first + 1).padStart(2, '0')}`;
}

/** The months of a period, first and last included (a week's: the months its days fall in). */
export function periodMonths(period: AnyGoalPeriod, start: string): { from: string; to: string } {
  if (period === 'week') return { from: start.slice(0, 7), to: addDays(start, 6).slice(0, 7) };
  return { from: start, to: addMonths(start, MONTHS_IN[period] - 1) };
}

/** The period's first instant and the first instant after it (UTC). */
export function periodBounds(period: AnyGoalPeriod, start: string): { starts: string; ends: string } {
  if (period === 'week') return { starts: `${start}T00:00:00.000Z`, ends: `${addDays(start, 7)}T00:00:00.000Z` };
  return { starts: `${start}-01T00:00:00.000Z`, ends: `${addMonths(start, MONTHS_IN[period])}-01T00:00:00.000Z` };
}

export type Progress = {
  /** Actual over target; null for a target of zero (nothing to reach). */
  ratio: number | null;
  /** Actual over the stretch target, when there is one. */
  stretchRatio: number | null;
  /** What the period ends at if it goes on at the rate so far. */
  projected: number;
  /** Projected over target: the pace ("at this rate: 82 % by 31 Dec"); null for a target of zero or before the period. */
  paceRatio: number | null;
};

/**
 * How far a goal is, at `now`, within the period from `starts` to `ends`. Before the period nothing is projected;
 * after it the projection is the actual.
 */
export function progressOf(actual: number, target: number, stretch: number | undefined, bounds: { starts: string; ends: string }, now: string): Progress {
  const span = Date.parse(bounds.ends) - Date.parse(bounds.starts);
  const elapsed = Math.min(Math.max(Date.parse(now) - Date.parse(bounds.starts), 0), span);
  const fraction = span > 0 ? elapsed / span : 1;
  const projected = fraction > 0 ? actual / fraction : 0;
  return {
    ratio: target > 0 ? actual / target : null,
    stretchRatio: stretch !== undefined && stretch > 0 ? actual / stretch : null,
    projected,
    paceRatio: target > 0 && fraction > 0 ? projected / target : null,
  };
}

/** The most team changes a member keeps; older ones are dropped. */
export const MAX_TEAM_HISTORY = 100;

type TeamHistory = { team?: string | undefined; createdAt: string; teamHistory?: readonly { team: string; from: string }[] | undefined };

/** A member's team history after a write that leaves them in `team` on `day` (`YYYY-MM-DD`): an entry only on a change. */
export function nextTeamHistory(previous: TeamHistory | undefined, team: string | undefined, day: string): { team: string; from: string }[] {
  const name = team?.trim() ?? '';
  // Members from before the history began were in their team since they were added.
  const history = previous?.teamHistory ? [...previous.teamHistory] : previous?.team?.trim() ? [{ team: previous.team.trim(), from: previous.createdAt.slice(0, 10) }] : [];
  const last = history[history.length - 1];
  if ((last?.team ?? '') === name) return history;
  // Changed twice in a day: the day's last team is the one it counts for.
  if (last?.from === day) history.pop();
  if ((history[history.length - 1]?.team ?? '') !== name) history.push({ team: name, from: day });
  return history.slice(-MAX_TEAM_HISTORY);
}

/** The team a member was in on a day (`YYYY-MM-DD`), lower-cased; '' for none. Without a history, their team as it is. */
export function teamOn(member: Omit<TeamHistory, 'createdAt'>, day: string): string {
  if (!member.teamHistory?.length) return member.team?.trim().toLowerCase() ?? '';
  let team = '';
  for (const entry of member.teamHistory) if (entry.from <= day) team = entry.team;
  return team.trim().toLowerCase();
}

/** The day a month counts for a team on: its last day, or today for the month under way. */
export function teamDayOf(month: string, today: string): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
}

/** Goals per request of a batch: a grid's or a CSV file's, sent in pieces of at most this many. */
export const MAX_GOALS_PER_BATCH = 500;
