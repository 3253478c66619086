import type { GoalProgress } from '@rapport/shared/goals/goals.contract';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import type { MessageKey } from '../../i18n/i18n';

export type PaceBand = 'warning' | 'neutral' | 'success';
/** The colours a manager set, in percent of the target at this rate (Settings' goalBands). */
export type Bands = { warningBelow: number; successFrom: number };
const DEFAULT_BANDS: Bands = { warningBelow: 70, successFrom: 100 };

/** Below `warningBelow` % of the target at this rate is a warning, from `successFrom` % a success. */
export function paceBand(paceRatio: number | null, bands: Bands = DEFAULT_BANDS): PaceBand {
  if (paceRatio === null) return 'neutral';
  if (paceRatio * 100 < bands.warningBelow) return 'warning';
  return paceRatio * 100 >= bands.successFrom ? 'success' : 'neutral';
}

type GoalWhat = Pick<GoalProgress['goal'], 'metric' | 'activityKind'>;

/** The message that names what a goal counts: "Won amount", "Calls done". */
export function metricKey(goal: GoalWhat): MessageKey {
  return goal.metric === 'activities' ? (`goals.metric.activities.${goal.activityKind ?? 'call'}` as MessageKey) : (`goals.metric.${goal.metric}` as MessageKey);
}

/** Whether two goals count the same thing (a rep's goal and its team's or the company's benchmark). */
export const sameWhat = (a: GoalWhat, b: GoalWhat) => a.metric === b.metric && (a.activityKind ?? null) === (b.activityKind ?? null);

/** A goal's figure: whole amounts in the reporting currency, counts as numbers, both in the user's locale. */
export function figureFormat(locale: string, goal: GoalWhat, currency: string): (value: number) => string {
  const format =
    goal.metric === 'wonAmount'
      ? new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

/** A month's target a weekly one adds up to: the month's days over 7 weeks' worth (30 days: 4.3 weeks). */
export function monthOfWeeks(weeklyTarget: number, monthStart: string, monthEnds: string): number {
  const days = (Date.parse(`${monthEnds}T00:00:00Z`) - Date.parse(`${monthStart}-01T00:00:00Z`)) / 86_400_000;
  return Math.round((weeklyTarget * days) / 7);
}

export const percentFormat = (locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

/** The period's last day (`ends` is the first day after it), e.g. "30 Nov", in the user's locale. */
export function lastDayOf(ends: string, locale: string): string {
  const last = new Date(Date.parse(`${ends}T00:00:00Z`) - 86_400_000);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(last);
}

/** A period's name from its first month: "Nov 2026", "Q4 2026", "2026"; a week's from its Monday: "30 Nov". */
export function periodName(period: AnyGoalPeriod, start: string, locale: string, quarter: (n: number, year: string) => string): string {
  if (period === 'week') return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return quarter(Math.floor((month - 1) / 3) + 1, year);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${start}-01T00:00:00Z`));
}
