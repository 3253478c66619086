import { Caption1, Link, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { useOperation } from '../data/queries';
import { useMe } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { MoneyNote } from './MoneyNote';

const useStyles = makeStyles({
  // Two figures a row; one whose amount is wider than half the row takes the whole row (its pair grows to fill the next).
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingVerticalS, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1, flexBasis: `calc(50% - ${tokens.spacingVerticalS})`, maxWidth: '100%', margin: 0 },
  // An amount is read as one piece: it never breaks; the figure's row makes room for it instead.
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, whiteSpace: 'nowrap' },
  label: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
});

const sum = (report: ReportResponse, column: string) => report.rows.reduce((total, row) => total + (row.values[column] ?? 0), 0);

/** The months of the current calendar quarter so far: `2026-10` to `2026-11`. */
function thisQuarter(now = new Date()): { from: string; to: string } {
  const month = (index: number) => `${now.getFullYear()}-${String(index + 1).padStart(2, '0')}`;
  return { from: month(Math.floor(now.getMonth() / 3) * 3), to: month(now.getMonth()) };
}

/** The dashboard in the pane's language (Office's display language), for the person signed in to the pane. */
export function dashboardHref(locale: string, userEmail: string): string {
  return `dashboard.html?${new URLSearchParams({ lang: locale, as: userEmail }).toString()}`;
}

/** The rep's own headline figures on Home: open pipeline and its weighted value, won this quarter and the win rate. */
export function HeadlineFigures({ userEmail }: { userEmail: string }) {
  const styles = useStyles();
  const { t, money, locale } = useI18n();
  const userId = useMe()?.userId;
  // Reports by owner, narrowed to the rep: one row each, so each figure is converted and rounded once, not per stage.
  const pipelineReport = useOperation('report', { params: { report: 'open-deals-by-owner' }, query: { ownerId: userId } }, { enabled: Boolean(userId) });
  const quarterReport = useOperation('report', { params: { report: 'win-rate-by-owner' }, query: { ownerId: userId, ...thisQuarter() } }, { enabled: Boolean(userId) });

  // Who the rep is comes first; until then there is nothing to read.
  if (!userId) return null;
  const heading = <Subtitle2 as="h2">{t('home.figures')}</Subtitle2>;
  const failed = pipelineReport.error ?? quarterReport.error;
  if (failed)
    return (
      <section aria-label={t('home.figures')}>
        {heading}
        <ErrorMessage
          error={failed}
          onRetry={() => {
            if (pipelineReport.isError) void pipelineReport.refetch();
            if (quarterReport.isError) void quarterReport.refetch();
          }}
        />
      </section>
    );
  if (!pipelineReport.data || !quarterReport.data)
    return (
      <section aria-label={t('home.figures')}>
        {heading}
        <Spinner size="tiny" label={t('app.loading')} />
      </section>
    );
  const pipeline = pipelineReport.data;
  const quarter = quarterReport.data;
  const won = sum(quarter, 'won');
  const lost = sum(quarter, 'lost');
  const rate = won + lost === 0 ? t('home.figures.noRate') : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(won / (won + lost));
  const items: [string, string][] = [
    [t('home.figures.pipeline'), money(sum(pipeline, 'amount'), pipeline.currency)],
    [t('home.figures.weighted'), money(sum(pipeline, 'weightedAmount'), pipeline.currency)],
    [t('home.figures.wonQuarter'), money(sum(quarter, 'wonAmount'), quarter.currency)],
    [t('home.figures.winRate'), rate],
  ];
  return (
    <section aria-label={t('home.figures')}>
      {heading}
      <dl className={styles.figures}>
        {items.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>
              <Caption1 className={styles.label}>{label}</Caption1>
            </dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <MoneyNote report={{ ...quarter, ratesUsed: [...pipeline.ratesUsed, ...quarter.ratesUsed], missingRates: [...new Set([...pipeline.missingRates, ...quarter.missingRates])].sort() }} />
      <Link href={dashboardHref(locale, userEmail)} target="_blank" rel="noopener">
        {t('dash.openDashboard')}
      </Link>
    </section>
  );
}
