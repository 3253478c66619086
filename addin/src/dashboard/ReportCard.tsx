import { useEffect, useMemo } from 'react';
import { Button, Caption1, Card, CardHeader, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { ReportName } from '@rapport/shared/reports/report-tables.rules';
import type { ApiClient } from '../api/api-client';
import { ErrorMessage } from '../components/ErrorMessage';
import { useReport, type ReportFilters } from '../hooks/useReport';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import type { ChartSpec } from './report-catalog';
import { ReportChart } from './ReportChart';
import { columnLabel, formatValue, reportCsv, rowLabel } from './report-format';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  body: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalL, '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  table: { overflowX: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** One report: its chart, its table beside it, and the CSV of the same rows. */
export function ReportCard({ api, report: name, chart, filters }: { api: ApiClient; report: ReportName; chart: ChartSpec; filters: ReportFilters }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const state = useReport(api, name, filters);
  const title = t(`dash.report.${name}` as MessageKey);
  const report = state.status === 'ready' ? state.report : null;
  const csvUrl = useMemo(() => (report ? URL.createObjectURL(new Blob([reportCsv(translator, report)], { type: 'text/csv' })) : null), [report, translator]);
  useEffect(() => () => (csvUrl ? URL.revokeObjectURL(csvUrl) : undefined), [csvUrl]);
  // Only a report with amounts leaves other currencies out.
  const hasMoney = report?.columns.some((column) => column.kind === 'money') ?? false;
  const others = hasMoney ? (report?.currencies.filter((entry) => entry.currency !== report.currency).map((entry) => entry.currency) ?? []) : [];
  // Nothing to draw: no row has a figure in the charted column (stages without deals, a period without sales).
  const empty = report !== null && report.rows.every((row) => !row.values[chart.column]);

  return (
    <Card className={styles.card} data-report={name} data-state={state.status}>
      <CardHeader
        header={<Subtitle2 as="h3">{title}</Subtitle2>}
        action={
          csvUrl ? (
            <Button as="a" href={csvUrl} download={`${name}-${report?.from}-${report?.to}.csv`} icon={<ArrowDownloadRegular />} aria-label={`${t('dash.exportCsv')}: ${title}`}>
              {t('dash.exportCsv')}
            </Button>
          ) : undefined
        }
      />
      {state.status === 'loading' && <Caption1>{t('app.loading')}</Caption1>}
      {state.status === 'error' && <ErrorMessage message={state.message} />}
      {report && empty && <Caption1>{t('dash.noData')}</Caption1>}
      {report && !empty && (
        <div className={styles.body}>
          <div data-chart={name}>
            <ReportChart report={report} chart={chart} title={title} />
          </div>
          <div className={styles.table}>
            <Table size="small" aria-label={t('dash.tableOf', { title })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('dash.row')}</TableHeaderCell>
                  {report.columns.map((column) => (
                    <TableHeaderCell key={column.key} className={styles.number}>
                      {columnLabel(translator, column)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.rows.map((row) => (
                  <TableRow key={row.key}>
                    <TableCell>{rowLabel(translator, report.report, row)}</TableCell>
                    {report.columns.map((column) => (
                      <TableCell key={column.key} className={styles.number}>
                        {formatValue(translator, column, row.values[column.key], report.currency)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
      {report && others.length > 0 && <Caption1 className={styles.note}>{t('dash.otherCurrencies', { currency: report.currency, others: others.join(', ') })}</Caption1>}
    </Card>
  );
}
