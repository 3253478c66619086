// Plain code, no schema: the pane reads these without loading zod.

/** How often a contract's value is billed. */
export const contractPeriods = ['month', 'quarter', 'year'] as const;
export type ContractPeriod = (typeof contractPeriods)[number];
const MONTHS_OF: Readonly<Record<ContractPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * Where a contract is on a day: not started, in force, past its end, or cancelled. Only cancelled is kept; the others
 * follow from the dates (both ends included, in UTC days).
 */
export type ContractStatus = 'upcoming' | 'active' | 'ended' | 'cancelled';

/** The days before its end that a contract's owner gets a renewal task, unless the tenant says otherwise. */
export const DEFAULT_CONTRACT_RENEWAL_DAYS = 60;
export const CONTRACT_RENEWAL_DAYS_MAX = 365;
export const CONTRACT_NAME_MAX = 200;
export const CONTRACT_COVERED_MAX = 50;
export const CONTRACT_NOTES_MAX = 4_000;
export const CONTRACT_NOTICE_DAYS_MAX = 365;
export const CONTRACT_TERM_MONTHS_MAX = 60;
export const CONTRACT_HOURS_MAX = 8_760;
export const DEFAULT_CONTRACT_NOTICE_DAYS = 30;
export const DEFAULT_CONTRACT_TERM_MONTHS = 12;

type Dated = { startDate: string; endDate: string; cancelled?: boolean | undefined };

/** The contract's status on `day` (YYYY-MM-DD). */
export function contractStatus(contract: Dated, day: string): ContractStatus {
  if (contract.cancelled) return 'cancelled';
  if (day < contract.startDate) return 'upcoming';
  return day > contract.endDate ? 'ended' : 'active';
}

/** The contract in force on `day` among a company's, the one ending last when two overlap; null when none is. */
export function activeContractOf<C extends Dated>(contracts: readonly C[], day: string): C | null {
  const active = contracts.filter((contract) => contractStatus(contract, day) === 'active');
  return active.sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? null;
}

/** The day (YYYY-MM-DD) of a UTC time. */
export function dayOf(time: Date | string): string {
  return (typeof time === 'string' ? new Date(time) : time).toISOString().slice(0, 10);
}

/** A day `days` later (earlier when negative). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` later; the month's last day when it has no such day (31 Jan + 1 month = 28 or 29 Feb). */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date, last))).toISOString().slice(0, 10);
}

/**
 * The day the owner is reminded of a contract's end: `renewalDays` before it, or earlier when the customer's notice
 * period is longer (a reminder after the last day to give notice would come too late).
 */
export function renewalReminderDay(contract: { endDate: string; renewal: { noticeDays: number } }, renewalDays: number): string {
  return addDays(contract.endDate, -Math.max(renewalDays, contract.renewal.noticeDays));
}

/** The last day the customer can give notice not to renew. */
export function noticeDeadline(contract: { endDate: string; renewal: { noticeDays: number } }): string {
  return addDays(contract.endDate, -contract.renewal.noticeDays);
}

/**
 * The last day of a term of `months` that starts on `startDate`: the day before the same day `months` later (1 Mar + 12
 * months ends 28 Feb). When that month has no such day the next term starts on the 1st after it, so this one ends on
 * its month's last day (31 Jan + 1 month ends 28 Feb; 29 Feb 2024 + 12 months ends 28 Feb 2025).
 */
export function termEndDate(startDate: string, months: number): string {
  const next = addMonths(startDate, months);
  return next.slice(8) === startDate.slice(8) ? addDays(next, -1) : next;
}

/** The end of the next term of a contract that renews: its end moved by the term, in months. */
export function renewedEndDate(contract: { endDate: string; renewal: { termMonths: number } }): string {
  // A term of whole months from the day after the end: 31 Dec + 12 months = 31 Dec next year; 28 Feb 2024 (the day after
  // is the 29th) + 12 months = 28 Feb 2025, not the 27th.
  return termEndDate(addDays(contract.endDate, 1), contract.renewal.termMonths);
}

/** How many of its billing periods a renewal term holds, at least one: a year's term billed monthly holds 12. */
export function periodsPerTerm(termMonths: number, period: ContractPeriod): number {
  return Math.max(1, Math.round(termMonths / MONTHS_OF[period]));
}

/** How a contract is named to people: "SC-7 Premium support". */
export function contractReference(contract: { number: number; name: string }): string {
  return `SC-${contract.number} ${contract.name}`;
}
