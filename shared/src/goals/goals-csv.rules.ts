// Goals from a CSV file a manager writes (one line per rep and period): plain code, no schema, so the dashboard reads the
// file before sending it; the API checks each goal again as it sets it (POST /api/goals/batch).
import { CsvFormatError, parseCsv, rowsAsRecords } from '../import/csv.rules';
import type { ActivityKind } from '../activities/activity.schema';
import { goalMetrics, goalPeriods, isPeriodStart, type GoalMetric, type GoalPeriod } from './goal.rules';

/** A goal read from a line, as the batch takes it. */
export type CsvGoal = {
  line: number;
  goal: { scope: 'rep'; memberId: string; metric: GoalMetric; activityKind?: ActivityKind; period: GoalPeriod; start: string; target: number; stretch?: number };
};

/** Why a line was not taken: a code the dashboard words in the user's language, with the value at fault. */
export type GoalLineProblem = { line: number; problem: 'columns' | 'rep' | 'metric' | 'period' | 'start' | 'target' | 'stretch' | 'format'; value?: string };

/** The columns, by their header names: `rep` (a member's name or e-mail), `period`, `start` and `target` are needed. */
export const goalCsvColumns = ['rep', 'metric', 'activityKind', 'period', 'start', 'target', 'stretch'] as const;

const NUMBER = /^\d+(\.\d+)?$/;
// The activity kinds, checked against the schema's list by type (the schema's module loads zod).
const ACTIVITY_KINDS: Record<ActivityKind, true> = { email: true, call: true, meeting: true, task: true, note: true };

/**
 * Reads goals from CSV text: a header line naming the columns (any order, any case), then one goal per line. A
 * quarter may be written `2026-Q4` or by its first month (`2026-10`); a metric is left out for won amount. A line
 * that cannot be read is listed with its reason, never guessed at.
 */
export function goalsFromCsv(text: string, members: readonly { id: string; displayName: string; email?: string | undefined }[]): { goals: CsvGoal[]; problems: GoalLineProblem[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    return { goals: [], problems: [{ line: error instanceof CsvFormatError ? error.line : 1, problem: 'format' }] };
  }
  const { header, records } = rowsAsRecords(rows);
  const column = new Map(header.map((name) => [name.toLowerCase().replace(/[\s_-]/g, ''), name]));
  const missing = ['rep', 'period', 'start', 'target'].filter((name) => !column.has(name));
  if (missing.length > 0) return { goals: [], problems: [{ line: rows[0]?.line ?? 1, problem: 'columns', value: missing.join(', ') }] };
  const byName = new Map<string, string>();
  for (const member of members) {
    byName.set(member.displayName.trim().toLowerCase(), member.id);
    if (member.email) byName.set(member.email.toLowerCase(), member.id);
  }
  const goals: CsvGoal[] = [];
  const problems: GoalLineProblem[] = [];
  for (const { line, values } of records) {
    const value = (name: string) => values[column.get(name.toLowerCase()) ?? '']?.trim() ?? '';
    if (Object.values(values).every((cell) => cell.trim() === '')) continue;
    const memberId = byName.get(value('rep').toLowerCase());
    const metric = (value('metric') || 'wonAmount') as GoalMetric;
    const activityKind = value('activityKind');
    const period = value('period').toLowerCase() as GoalPeriod;
    const start = startOf(value('start'));
    const target = value('target').replace(/[\s,]/g, '');
    const stretch = value('stretch').replace(/[\s,]/g, '');
    const problem = (name: GoalLineProblem['problem'], at: string) => problems.push({ line, problem: name, value: at });
    if (!memberId) problem('rep', value('rep'));
    else if (!goalMetrics.includes(metric) || (metric === 'activities') !== (activityKind !== '') || (activityKind !== '' && !(activityKind in ACTIVITY_KINDS))) problem('metric', [value('metric'), activityKind].filter(Boolean).join(' '));
    else if (!goalPeriods.includes(period)) problem('period', value('period'));
    else if (!start || !isPeriodStart(period, start)) problem('start', value('start'));
    else if (!NUMBER.test(target)) problem('target', value('target'));
    else if (stretch !== '' && (!NUMBER.test(stretch) || Number(stretch) < Number(target))) problem('stretch', value('stretch'));
    else goals.push({ line, goal: { scope: 'rep', memberId, metric, ...(activityKind ? { activityKind: activityKind as ActivityKind } : {}), period, start, target: Number(target), ...(stretch ? { stretch: Number(stretch) } : {}) } });
  }
  return { goals, problems };
}

/** `2026-10`, or a quarter as `2026-Q4` (its first month); null otherwise. */
function startOf(text: string): string | null {
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}
