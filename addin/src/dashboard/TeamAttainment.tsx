import { useMemo, useState } from 'react';
import { Body1, Button, Card, CardHeader, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalProgress } from '@rapport/shared/goals/goals.contract';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { figureFormat, metricKey, paceBand, percentFormat } from '../components/goals/goal-format';
import { useAttainment } from '../data/goals';
import { useMemberNames } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { PeriodTabs } from '../components/goals/PeriodTabs';
import { AttainmentChart } from './AttainmentChart';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  neutral: {},
});

type Column = 'rep' | 'metric' | 'actual' | 'target' | 'percent' | 'pace';
const COLUMNS: Column[] = ['rep', 'metric', 'actual', 'target', 'percent', 'pace'];

/** Every rep's attainment in a period, for managers: one row per goal, sortable by any column. */
export function TeamAttainment() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState<AnyGoalPeriod>('month');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'pace', descending: false });
  const attainment = useAttainment(period, 'team');
  const nameOf = useMemberNames();
  const percent = percentFormat(locale);
  const heading = t('goals.team.heading');

  const rows = useMemo(() => {
    const data = attainment.data;
    if (!data) return [];
    const named = data.reps.map((progress) => ({ progress, rep: nameOf(progress.goal.memberId ?? '') ?? t('goals.unknownRep'), metric: t(metricKey(progress.goal)) }));
    const value = (row: (typeof named)[number]): string | number => {
      const { progress } = row;
      if (sort.column === 'rep' || sort.column === 'metric') return row[sort.column];
      if (sort.column === 'actual') return progress.actual;
      if (sort.column === 'target') return progress.goal.target;
      return (sort.column === 'percent' ? progress.ratio : progress.paceRatio) ?? -1;
    };
    const collator = new Intl.Collator(locale);
    return named.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : Number(x) - Number(y);
      return sort.descending ? -order : order;
    });
  }, [attainment.data, nameOf, sort, locale, t]);

  const cellOf = (progress: GoalProgress, column: Column, row: { rep: string; metric: string }) => {
    const figure = figureFormat(locale, progress.goal, attainment.data?.reportingCurrency ?? 'EUR');
    if (column === 'rep' || column === 'metric') return row[column];
    if (column === 'actual') return figure(progress.actual);
    if (column === 'target') return figure(progress.goal.target);
    const ratio = column === 'percent' ? progress.ratio : progress.paceRatio;
    return ratio === null ? '—' : percent.format(ratio);
  };

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h3">{heading}</Subtitle2>} />
      <PeriodTabs period={period} onChange={setPeriod} />
      {attainment.isError && !attainment.data ? <ErrorMessage title={t('goals.team.failed')} error={attainment.error} onRetry={() => void attainment.refetch()} /> : null}
      {!attainment.data && !attainment.isError ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {attainment.data && rows.length === 0 ? <Body1>{t('goals.team.empty')}</Body1> : null}
      {rows.length > 0 ? <AttainmentChart rows={rows} bands={attainment.data?.bands} /> : null}
      {rows.length > 0 ? (
        <div className={styles.scroll}>
          <table className={styles.table} aria-label={heading}>
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const label = t(`goals.team.${column}`);
                  const sorted = sort.column === column;
                  return (
                    <th key={column} scope="col" className={styles.cell} aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                      <Button
                        appearance="transparent"
                        size="small"
                        title={t('goals.team.sortBy', { column: label })}
                        onClick={() => setSort({ column, descending: sorted ? !sort.descending : false })}
                      >
                        {label}
                        {sorted ? (sort.descending ? ' ↓' : ' ↑') : ''}
                      </Button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.progress.goalId ?? `${row.progress.goal.memberId}-${row.metric}`}>
                  {COLUMNS.map((column) =>
                    column === 'rep' ? (
                      <th key={column} scope="row" className={styles.cell}>
                        {row.rep}
                      </th>
                    ) : (
                      <td
                        key={column}
                        className={`${styles.cell} ${column === 'metric' ? '' : styles.number} ${column === 'pace' ? styles[paceBand(row.progress.paceRatio, attainment.data?.bands)] : ''}`}
                      >
                        {cellOf(row.progress, column, row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
