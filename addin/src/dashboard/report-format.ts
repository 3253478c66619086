import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { csvLine } from '@rapport/shared/import/csv.rules';
import type { MessageKey } from '../i18n/messages.en';
import type { Translator } from '../i18n/i18n';

type Column = ReportResponse['columns'][number];
type Row = ReportResponse['rows'][number];

/**
 * A row's label as people read it: stage and member names come from the API; codes are translated here. A row of a
 * report by customer segment names its segment's value (a size band or a company type in words), after its product's
 * name when it has one.
 */
export function rowLabel(t: Translator, response: Pick<ReportResponse, 'report' | 'filters'>, row: Row): string {
  const report = response.report;
  if (row.segment !== undefined) {
    const { product, segment } = segmentRowParts(t, response, row);
    return product === null ? segment : `${product} · ${segment}`;
  }
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

/** A row of a report by customer segment in its parts: the product it is about (prices by segment), its segment in words. */
export function segmentRowParts(t: Translator, response: Pick<ReportResponse, 'report' | 'filters'>, row: Row): { product: string | null; segment: string } {
  const segment = segmentLabel(t, response.filters.segment ?? 'industry', row.segment ?? '');
  return { product: response.report === 'product-prices-by-segment' ? row.label : null, segment };
}

/** A segment's value in words: as written on the companies, a size band or a type translated, none said as such. */
export function segmentLabel(t: Translator, segment: string, value: string): string {
  if (value === '') return t.t(`dash.segmentNone.${segment}` as MessageKey);
  if (segment === 'size') return t.t(`dash.size.${value}` as MessageKey);
  if (segment === 'type') return t.t(`value.company.type.${value}` as MessageKey);
  return value;
}

export function columnLabel(t: Translator, column: Column): string {
  return t.t(`dash.column.${column.key}` as MessageKey);
}

// Number formats, made once per locale and options: a dashboard formats thousands of figures (tables, axes, CSVs), and
// making a format costs far more than using one.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A value for people: money in the report's currency, rates as percents, all in the user's locale. */
export function formatValue(t: Translator, column: Column, value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '–';
  switch (column.kind) {
    case 'money':
      return t.money(value, currency);
    case 'percent':
      return numberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'days':
    case 'number':
      return numberFormat(t.locale, { maximumFractionDigits: 2 }).format(value);
    default:
      return numberFormat(t.locale).format(value);
  }
}

/** An axis tick: short, as people write round figures on a chart ($3.9M, 45%). */
export function formatTick(t: Translator, column: Column, value: number, currency: string): string {
  if (column.kind === 'money') return numberFormat(t.locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  // A tenth of a point where the steps are that fine (rates under 2 %: 0.5 %, 1 %, 1.5 %), whole points otherwise.
  if (column.kind === 'percent') return numberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return numberFormat(t.locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** The report as a CSV file: a header of column names, then raw values (dot decimals, no currency signs), for spreadsheets. */
export function reportCsv(t: Translator, report: ReportResponse): string {
  const header = [t.t('dash.row'), ...report.columns.map((column) => (column.kind === 'money' ? `${columnLabel(t, column)} (${report.currency})` : columnLabel(t, column)))];
  const lines = report.rows.map((row) => [rowLabel(t, report, row), ...report.columns.map((column) => String(row.values[column.key] ?? ''))]);
  return [header, ...lines].map((line) => csvLine(line)).join('');
}

/**
 * The segments of rows listed product by product, each product's in the report's order (a segment's own order, or the
 * largest first), merged into one order: a segment comes after every segment it follows in some product's list, ties
 * kept in the order first seen.
 */
export function segmentsInOrder(rows: readonly { product: string; segment: string }[]): string[] {
  const seen = [...new Set(rows.map((row) => row.segment))];
  const after = new Map(seen.map((segment) => [segment, new Set<string>()]));
  const byProduct = new Map<string, string[]>();
  for (const row of rows) byProduct.set(row.product, [...(byProduct.get(row.product) ?? []), row.segment]);
  for (const list of byProduct.values()) list.forEach((segment, index) => list.slice(0, index).forEach((before) => after.get(segment)?.add(before)));
  const ordered: string[] = [];
  while (ordered.length < seen.length) {
    // The first segment seen whose predecessors are all placed (or, in a cycle, the first left).
    const next = seen.find((segment) => !ordered.includes(segment) && [...(after.get(segment) ?? [])].every((before) => ordered.includes(before))) ?? seen.find((segment) => !ordered.includes(segment));
    if (next === undefined) break;
    ordered.push(next);
  }
  return ordered;
}
