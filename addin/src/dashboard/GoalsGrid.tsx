import { useEffect, useState, type KeyboardEvent } from 'react';
import { Body1, Caption1, Card, CardHeader, Input, Select, Spinner, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Goal } from '@rapport/shared/goals/goal.schema';
import { addDays } from '@rapport/shared/appointments/calendar-time.rules';
import { addMonths, periodStartOf } from '@rapport/shared/goals/goal.rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { metricKey, periodName } from '../components/goals/goal-format';
import { useAttainment, useGoals, useSetGoal, type GoalCellTarget } from '../data/goals';
import { useOperation } from '../data/queries';
import { localDate } from '../data/today';
import { parseAmount } from '../i18n/parse-amount';
import { useErrorText } from '../i18n/useErrorText';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  choices: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  // A long metric's name ("Activities: meetings") stays within a 320 px card: the choice and its select shrink to it.
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, maxWidth: '100%' },
  select: { maxWidth: '100%' },
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse' },
  cell: { textAlign: 'start', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  input: { width: '9em' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'block', maxWidth: '12em' },
});

/** What the grid sets, one at a time: the metrics, with the activity kinds that have their own goals. */
const METRICS = ['wonAmount', 'wonDeals', 'newDeals', 'convertedLeads', 'activities:call', 'activities:meeting'] as const;
type MetricChoice = (typeof METRICS)[number];
const whatOf = (choice: MetricChoice) => {
  const [metric, activityKind] = choice.split(':') as [Goal['metric'], Goal['activityKind']];
  return activityKind ? { metric, activityKind } : { metric };
};
type GridPeriod = 'week' | 'month' | 'quarter';
const STEP: Record<'month' | 'quarter', number> = { month: 1, quarter: 3 };

/** The current period and the next two, by their first month (a week's by its Monday). */
function periodsFrom(period: GridPeriod, today: string): string[] {
  const first = periodStartOf(period, today);
  return [0, 1, 2].map((n) => (period === 'week' ? addDays(first, n * 7) : addMonths(first, n * STEP[period])));
}

/**
 * The managers' goals grid: reps × the current and next two months or quarters, for one metric. Each cell is the rep's
 * target; typing one creates or changes the goal, clearing it deletes it. Enter saves and goes down, arrows move.
 */
export function GoalsGrid() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState<MetricChoice>('wonAmount');
  const [chosenPeriod, setPeriod] = useState<GridPeriod>('month');
  const [today] = useState(() => localDate(new Date()));
  const members = useOperation('members', { query: { limit: 100 } });
  const goals = useGoals();
  // The reporting currency the amounts are in (the same request as My numbers').
  const currency = useAttainment('month').data?.reportingCurrency;
  const metricId = useId('goal-metric');
  const periodId = useId('goal-period');
  const what = whatOf(choice);
  // Weekly targets are for activities only: another metric shows its months.
  const period: GridPeriod = chosenPeriod === 'week' && what.metric !== 'activities' ? 'month' : chosenPeriod;
  const starts = periodsFrom(period, today);
  const quarter = (n: number, year: string) => t('goals.quarter', { quarter: n, year });
  // Each period named once: a name is a date format made for it, and every cell's label repeats it.
  const names = new Map(starts.map((start) => [start, period === 'week' ? t('goals.week', { date: periodName('week', start, locale, quarter) }) : periodName(period, start, locale, quarter)]));
  const nameOf = (start: string) => names.get(start) ?? start;
  // One collator for the sort: localeCompare given a locale builds one for every comparison (some 30 ms for a team).
  const byName = new Intl.Collator(locale);
  const reps = (members.data?.items ?? [])
    .filter((member) => member.role === 'rep' && !member.deactivated)
    .sort((a, b) => byName.compare(a.displayName, b.displayName));
  const heading = t('goals.grid.heading');
  const failed = members.error ?? goals.error;

  const goalAt = (memberId: string, start: string) =>
    goals.data?.items.find(
      (goal) =>
        goal.scope === 'rep' && goal.memberId === memberId && goal.metric === what.metric && (goal.activityKind ?? undefined) === what.activityKind && goal.period === period && goal.start === start,
    );

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} description={<Caption1>{t('goals.grid.help', { currency: currency ?? '…' })}</Caption1>} />
      <div className={styles.choices}>
        <div className={styles.choice}>
          <label htmlFor={metricId}>{t('goals.grid.metric')}</label>
          <Select id={metricId} className={styles.select} value={choice} onChange={(_, data) => setChoice(data.value as MetricChoice)}>
            {METRICS.map((value) => (
              <option key={value} value={value}>
                {t(metricKey(whatOf(value)))}
              </option>
            ))}
          </Select>
        </div>
        <div className={styles.choice}>
          <label htmlFor={periodId}>{t('goals.grid.period')}</label>
          <Select id={periodId} className={styles.select} value={period} onChange={(_, data) => setPeriod(data.value as GridPeriod)}>
            {what.metric === 'activities' ? <option value="week">{t('goals.period.week')}</option> : null}
            <option value="month">{t('goals.period.month')}</option>
            <option value="quarter">{t('goals.period.quarter')}</option>
          </Select>
        </div>
      </div>
      {failed ? (
        <ErrorMessage
          title={t('goals.grid.failed')}
          error={failed}
          onRetry={() => {
            if (members.isError) void members.refetch();
            if (goals.isError) void goals.refetch();
          }}
        />
      ) : null}
      {!failed && (!members.data || !goals.data) ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {members.data && goals.data && reps.length === 0 ? <Body1>{t('goals.grid.noReps')}</Body1> : null}
      {members.data && goals.data && reps.length > 0 ? (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label={heading} data-goals-grid>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t('goals.grid.rep')}
                </th>
                {starts.map((start) => (
                  <th key={start} scope="col" className={styles.cell}>
                    {nameOf(start)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reps.map((rep, row) => (
                <tr key={rep.id}>
                  <th scope="row" className={styles.cell}>
                    {rep.displayName}
                  </th>
                  {starts.map((start, column) => (
                    <td key={start} className={styles.cell}>
                      <GoalCell
                        row={row}
                        column={column}
                        label={t('goals.grid.cell', { metric: t(metricKey(what)), rep: rep.displayName, period: nameOf(start) })}
                        cell={{ input: { scope: 'rep', memberId: rep.id, ...what, period, start }, goal: goalAt(rep.id, start) }}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

/** Moves the focus to the cell at `row`, `column` of the same grid, when there is one. */
function focusCell(from: HTMLElement, row: number, column: number): boolean {
  const target = from.closest('table')?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`);
  target?.focus();
  target?.select();
  return Boolean(target);
}

function GoalCell({ cell, label, row, column }: { cell: GoalCellTarget; label: string; row: number; column: number }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const setGoal = useSetGoal();
  const errorId = useId('goal-error');
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // What this cell last wrote, shown until the list of goals, read again, has it (no blank flash after a save).
  const [written, setWritten] = useState<{ goal: Goal | undefined } | null>(null);
  const caughtUp = !written || (cell.goal?.id === written.goal?.id && (cell.goal?.version ?? 0) >= (written.goal?.version ?? 0));
  useEffect(() => {
    if (written && caughtUp) setWritten(null);
  }, [written, caughtUp]);
  const goal = caughtUp ? cell.goal : written?.goal;
  const shown = draft ?? (goal ? targetFormat(locale).format(goal.target) : '');

  const save = () => {
    if (draft === null || setGoal.isPending) return;
    const target = parseAmount(draft, locale);
    if (target !== null && (!Number.isFinite(target) || target < 0)) {
      setProblem(t('goals.grid.invalid'));
      return;
    }
    if ((target === null && !goal) || (goal && target === goal.target)) {
      setDraft(null);
      setProblem(null);
      return;
    }
    setGoal.mutate(
      { cell: { ...cell, goal }, target },
      {
        onSuccess: (saved) => {
          setWritten({ goal: saved });
          setDraft(null);
          setProblem(null);
        },
        onError: (error) => setProblem(errorText(error).message),
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const here = event.currentTarget;
    if (event.key === 'Enter') {
      event.preventDefault();
      // Leaving the cell saves it (on blur); the last row's has no cell below to go to.
      if (!focusCell(here, row + 1, column)) save();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setProblem(null);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusCell(here, row + (event.key === 'ArrowDown' ? 1 : -1), column);
    }
  };

  return (
    <>
      <Input
        className={styles.input}
        inputMode="decimal"
        value={shown}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        aria-busy={setGoal.isPending || undefined}
        input={{ 'data-row': row, 'data-column': column } as object}
        onChange={(_, data) => setDraft(data.value)}
        onBlur={save}
        onKeyDown={onKeyDown}
      />
      {setGoal.isPending ? <Caption1>{t('goals.grid.saving')}</Caption1> : null}
      {problem ? (
        <Caption1 id={errorId} role="alert" className={styles.error}>
          {problem}
        </Caption1>
      ) : null}
    </>
  );
}

// A target as typed in a cell (no grouping), one format per locale: a team's grid has a cell per rep and measure.
const targetFormats = new Map<string, Intl.NumberFormat>();
function targetFormat(locale: string): Intl.NumberFormat {
  let format = targetFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 });
    targetFormats.set(locale, format);
  }
  return format;
}
