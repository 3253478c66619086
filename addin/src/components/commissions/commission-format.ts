import type { GoalPeriod } from '@rapport/shared/goals/goal.rules';
import { fromMinor } from '@rapport/shared/money/money.rules';
import type { Translator } from '../../i18n/i18n';
import { periodName } from '../goals/goal-format';

/** An amount the commissions API gives in minor units of `currency`, in the user's locale: "€360.00". */
export function minorMoney(translator: Pick<Translator, 'money'>, minor: number, currency: string): string {
  return translator.money(fromMinor(minor, currency), currency);
}

/** A rate in percent (two decimals at most), as the locale writes a percentage: "6%", "6 %", "7,5 %". */
export function rateText(locale: string, rate: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate / 100);
}

/** A plan period's name from its first month, in the user's words: "Nov 2026", "Q4 2026", "2026". */
export function commissionPeriod(translator: Pick<Translator, 't' | 'locale'>, period: GoalPeriod, start: string): string {
  return periodName(period, start, translator.locale, (quarter, year) => translator.t('goals.quarter', { quarter, year }));
}

/** A day in the period before the one starting at `start` (YYYY-MM): its last day. */
export function dayBefore(start: string): string {
  const date = new Date(Date.parse(`${start}-01T00:00:00Z`) - 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from the month holding `day` (YYYY-MM-DD). */
export function monthFrom(day: string, offset: number): string {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + offset, 1));
  return date.toISOString().slice(0, 10);
}
