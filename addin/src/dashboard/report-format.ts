import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { csvLine } from '@rapport/shared/import/csv.rules';
import type { MessageKey } from '../i18n/messages.en';
import type { Translator } from '../i18n/i18n';

type Column = ReportResponse['columns'][number];
type Row = ReportResponse['rows'][number];

/** A row's label as people read it: stage and member names come from the API; codes are translated here. */
export function rowLabel(t: Translator, report: ReportResponse['report'], row: Row): string {
  if (report === 'data-quality') return t.t(`dash.quality.${row.key}` as MessageKey);
  if (report === 'open-cases-by-age') return t.t(`dash.age.${row.key}` as MessageKey);
  if (report === 'open-cases-by-priority') return t.t(`casePriority.${row.key}` as MessageKey);
  if (report === 'leads-by-source') return t.t(`leadSource.${row.key}` as MessageKey);
  if (report === 'expenses-by-category') return t.t(`expenses.category.${row.key}` as MessageKey);
  if (report === 'orders-by-status') return t.t(`orderStatus.${row.key}` as MessageKey);
  if (report === 'campaign-funnel-by-channel' && row.key !== '') return t.t(`dash.channel.${row.key}` as MessageKey);
  if (report === 'forecast' && row.key === 'none') return t.t('dash.noCloseDate');
  if (report === 'activities-by-week') return t.date(row.key);
  if (row.label === '') return t.t('dash.none');
  return row.label;
}

export function columnLabel(t: Translator, column: Column): string {
  return t.t(`dash.column.${column.key}` as MessageKey);
}

/** A value for people: money in the report's currency, rates as percents, all in the user's locale. */
export function formatValue(t: Translator, column: Column, value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '–';
  switch (column.kind) {
    case 'money':
      return t.money(value, currency);
    case 'percent':
      return new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'days':
    case 'number':
      return new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(value);
    default:
      return new Intl.NumberFormat(t.locale).format(value);
  }
}

/** An axis tick: short, as people write round figures on a chart ($3.9M, 45%). */
export function formatTick(t: Translator, column: Column, value: number, currency: string): string {
  if (column.kind === 'money') return new Intl.NumberFormat(t.locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  if (column.kind === 'percent') return new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(t.locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** The report as a CSV file: a header of column names, then raw values (dot decimals, no currency signs), for spreadsheets. */
export function reportCsv(t: Translator, report: ReportResponse): string {
  const header = [t.t('dash.row'), ...report.columns.map((column) => (column.kind === 'money' ? `${columnLabel(t, column)} (${report.currency})` : columnLabel(t, column)))];
  const lines = report.rows.map((row) => [rowLabel(t, report.report, row), ...report.columns.map((column) => String(row.values[column.key] ?? ''))]);
  return [header, ...lines].map((line) => csvLine(line)).join('');
}
