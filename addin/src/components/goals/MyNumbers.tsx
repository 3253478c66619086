import { useState } from 'react';
import { Body1, Caption1, ProgressBar, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Attainment, GoalProgress } from '@rapport/shared/goals/goals.contract';
import type { AnyGoalPeriod } from '@rapport/shared/goals/goal.rules';
import { useAttainment } from '../../data/goals';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { figureFormat, lastDayOf, metricKey, monthOfWeeks, paceBand, percentFormat, sameWhat } from './goal-format';
import { PeriodTabs } from './PeriodTabs';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // Figures wrap between words at 320 px rather than push the pane sideways.
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  // Body1Strong's look without its module: a new Fluent text preset would join the first card's shared chunk.
  metric: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
});

const BAR_COLOR = { warning: 'warning', neutral: 'brand', success: 'success' } as const;

/**
 * My numbers: the signed-in member's goals in the period (this month unless they switch), each with actual of target,
 * a bar, the pace and their team's and the company's attainment beside it as benchmarks.
 */
export function MyNumbers({ headingLevel = 'h2' }: { headingLevel?: 'h2' | 'h3' }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [period, setPeriod] = useState<AnyGoalPeriod>('month');
  const attainment = useAttainment(period);
  // A month's goals show the rep's weekly targets of the same kind beside them: what the weeks add up to.
  const weekly = useAttainment('week', 'mine', { enabled: period === 'month' });
  const weeklyGoals = period === 'month' ? (weekly.data?.reps ?? []) : [];
  const heading = t('goals.heading');

  let body;
  if (attainment.isError && !attainment.data)
    body = <ErrorMessage title={t('goals.failed')} error={attainment.error} onRetry={() => void attainment.refetch()} />;
  else if (!attainment.data) body = <Spinner size="tiny" label={t('app.loading')} />;
  else if (attainment.data.reps.length === 0) body = <Body1>{t(`goals.empty.${period}`)}</Body1>;
  else
    body = (
      <ul className={styles.list} aria-label={heading}>
        {attainment.data.reps.map((progress) => (
          <GoalLine
            key={progress.goalId ?? `${progress.goal.metric}-${progress.goal.activityKind ?? ''}`}
            progress={progress}
            attainment={attainment.data}
            weeklyTarget={weeklyGoals.find((other) => sameWhat(other.goal, progress.goal))?.goal.target}
          />
        ))}
      </ul>
    );

  return (
    <section className={styles.section} aria-label={heading}>
      <Subtitle2 as={headingLevel}>{heading}</Subtitle2>
      <PeriodTabs period={period} onChange={setPeriod} />
      {body}
    </section>
  );
}

function GoalLine({ progress, attainment, weeklyTarget }: { progress: GoalProgress; attainment: Attainment; weeklyTarget?: number | undefined }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { goal } = progress;
  const figure = figureFormat(locale, goal, attainment.reportingCurrency);
  const percent = percentFormat(locale);
  const band = paceBand(progress.paceRatio, attainment.bands);
  const name = t(metricKey(goal));
  const benchmark = (list: GoalProgress[]) => list.find((other) => sameWhat(other.goal, goal))?.ratio;
  const team = benchmark(attainment.teams);
  const company = benchmark(attainment.company);
  // The territories the rep covers, each with a goal on the same thing.
  const territories = attainment.territories
    .filter((other) => sameWhat(other.goal, goal) && other.ratio !== null)
    .map((other) => t('goals.territoryBenchmark', { territory: other.territoryName ?? '', percent: percent.format(other.ratio ?? 0) }));
  const benchmarks = [
    team !== undefined && team !== null ? t('goals.teamBenchmark', { percent: percent.format(team) }) : null,
    ...territories,
    company !== undefined && company !== null ? t('goals.companyBenchmark', { percent: percent.format(company) }) : null,
  ].filter(Boolean);
  return (
    <li className={styles.goal} data-goal={goal.metric}>
      <div className={styles.line}>
        <Body1 className={styles.metric}>{name}</Body1>
        <Body1>{t('goals.of', { actual: figure(progress.actual), target: figure(goal.target) })}</Body1>
      </div>
      <ProgressBar
        thickness="large"
        color={BAR_COLOR[band]}
        value={Math.min(progress.ratio ?? 0, 1)}
        max={1}
        aria-label={t('goals.reached', { metric: name, percent: percent.format(progress.ratio ?? 0) })}
      />
      <Caption1 className={band === 'neutral' ? styles.muted : styles[band]}>
        {progress.paceRatio === null
          ? t('goals.noPace')
          : t('goals.pace', { percent: percent.format(progress.paceRatio), date: lastDayOf(attainment.ends, locale) })}
      </Caption1>
      {goal.stretch !== undefined ? <Caption1 className={styles.muted}>{t('goals.stretch', { target: figure(goal.stretch) })}</Caption1> : null}
      {weeklyTarget !== undefined ? (
        <Caption1 className={styles.muted}>
          {t('goals.weeklyTarget', { target: figure(weeklyTarget), total: figure(monthOfWeeks(weeklyTarget, attainment.start, attainment.ends)) })}
        </Caption1>
      ) : null}
      {benchmarks.length > 0 ? <Caption1 className={styles.muted}>{benchmarks.join(' · ')}</Caption1> : null}
      {progress.missingCurrencies.length > 0 ? (
        <Caption1 className={styles.muted}>{t('goals.missingRates', { currencies: progress.missingCurrencies.join(', ') })}</Caption1>
      ) : null}
    </li>
  );
}
