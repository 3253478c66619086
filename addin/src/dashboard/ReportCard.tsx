import { Button, Caption1, Spinner, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { ReportName } from '@rapport/shared/reports/report-tables.rules';
import { ErrorMessage } from '../components/ErrorMessage';
import { saveFile } from '../components/documents/save-file';
import { MoneyNote } from '../components/MoneyNote';
import { useReport, type ReportFilters } from '../hooks/useReport';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import type { ChartSpec } from './report-catalog';
import { CountedRecords } from './CountedRecords';
import { ReportChart, chartHeight } from './ReportChart';
import { columnLabel, formatValue, reportCsv, rowLabel } from './report-format';

const useStyles = makeStyles({
  // Drawn as Fluent's card (its padding, corners, shadow), from a plain section: a tab shows sixteen of these at once,
  // and Card's focus and selection machinery, which a report does not use, slowed the page's first render.
  card: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // The chart keeps its own height beside a long table (alignItems start), never stretching to it.
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  chart: { overflow: 'hidden' },
  // A long run of periods (a year of weeks), or groups of bars, take the card's whole width, so each keeps room for its label.
  wideChart: { gridColumn: '1 / -1' },
  table: { overflowX: 'auto', maxHeight: '560px', overflowY: 'auto' },
  // A plain table drawn as Fluent's small one (a card's table has a few hundred cells, and a plain cell costs far less
  // to render than a component). Columns take the width their content needs (headings wrap, figures do not), and a
  // table wider than its card scrolls within its region.
  grid: {
    borderCollapse: 'collapse',
    minWidth: '100%',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    '& th, & td': { paddingBlock: tokens.spacingVerticalS, paddingInline: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle' },
    '& th': { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
    '& tbody tr:hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  label: { minWidth: '12ch', textAlign: 'start' },
  // Under a chart of groups of bars, the table's long labels (a product in a segment) take the whole width too.
  wideTable: { gridColumn: '1 / -1' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  figure: { whiteSpace: 'nowrap' },
});

// More periods than this (a quarter of weeks) and the chart spans the card above its table.
const WIDE_AFTER_PERIODS = 13;
// More columns than this (a campaign's funnel) and the table takes the card's width below its chart, so every figure reads.
const WIDE_AFTER_COLUMNS = 6;

/** One report: its chart, its table beside it, and the CSV of the same rows. */
export function ReportCard({ report: name, chart, filters }: { report: ReportName; chart: ChartSpec; filters: ReportFilters }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const query = useReport(name, filters);
  const title = t(`dash.report.${name}` as MessageKey);
  // The last filters' report stays on screen while the new filters' is read.
  const report = query.data ?? null;
  const status = query.isError ? 'error' : query.data && !query.isPlaceholderData ? 'ready' : 'loading';
  // The CSV is made when asked for: a file for each of a tab's sixteen cards, made as they draw, would cost the page more
  // than their charts do.
  const saveCsv = report ? () => saveFile(new Blob([reportCsv(translator, report)], { type: 'text/csv' }), `${name}-${report.from}-${report.to}.csv`) : null;
  // Only a report with amounts says which currency they are in and how they were converted.
  const hasMoney = report?.columns.some((column) => column.kind === 'money') ?? false;
  // Nothing to draw: no row has a figure in the charted column (stages without deals, a period without sales); an NPS
  // of 0 is a figure.
  const empty = report !== null && report.rows.every((row) => (chart.signed ? row.values[chart.column] === null || row.values[chart.column] === undefined : !row.values[chart.column]));
  // One class for the table's hundreds of figures, merged once.
  const figureClass = mergeClasses(styles.number, styles.figure);

  return (
    <section className={styles.card} data-report={name} data-state={status} aria-busy={status === 'loading'}>
      <div className={styles.header}>
        <Subtitle2 as="h3">{title}</Subtitle2>
        {saveCsv && (
          <Button onClick={saveCsv} icon={<ArrowDownloadRegular />} aria-label={`${t('dash.exportCsv')}: ${title}`}>
            {t('dash.exportCsv')}
          </Button>
        )}
      </div>
      {query.isPending && <Spinner size="small" label={t('app.loading')} />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {report && empty && <Caption1>{t(`dash.empty.${chart.empty}` as MessageKey)}</Caption1>}
      {report && !empty && (
        <div className={styles.body}>
          <div
            className={mergeClasses(
              styles.chart,
              (chart.kind === 'grouped' || (chart.kind !== 'bars' && chart.kind !== 'donut' && report.rows.length > WIDE_AFTER_PERIODS) || report.columns.length > WIDE_AFTER_COLUMNS) && styles.wideChart,
            )}
            data-chart={name}
            style={{ height: chartHeight(chart.kind, report.rows.length) }}
          >
            <ReportChart report={report} chart={chart} title={title} />
          </div>
          {/* A long table scrolls within the card: focusable, so the keyboard can scroll it too. */}
          <div className={mergeClasses(styles.table, (chart.kind === 'grouped' || report.columns.length > WIDE_AFTER_COLUMNS) && styles.wideTable)} tabIndex={0} role="region" aria-label={t('dash.tableOf', { title })}>
            <table className={styles.grid} aria-label={t('dash.tableOf', { title })}>
              <thead>
                <tr>
                  <th className={styles.label}>{t('dash.row')}</th>
                  {report.columns.map((column) => (
                    <th key={column.key} className={styles.number}>
                      {columnLabel(translator, column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.key}>
                    <td>
                      {rowLabel(translator, report, row)}
                      {row.records ? <CountedRecords records={row.records} count={row.values.records ?? row.records.length} title={rowLabel(translator, report, row)} /> : null}
                    </td>
                    {report.columns.map((column) => (
                      <td key={column.key} className={figureClass}>
                        {formatValue(translator, column, row.values[column.key], report.currency)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {report && hasMoney && <MoneyNote report={report} />}
    </section>
  );
}
