import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { BarChart } from './charts/BarChart';
import { ColumnChart } from './charts/ColumnChart';
import { DonutChart } from './charts/DonutChart';
import type { ChartSpec } from './report-catalog';
import { columnLabel, formatTick, formatValue, rowLabel, segmentRowParts, segmentsInOrder } from './report-format';

// Fluent's categorical palette, in order: distinct for neighbours, readable on white. A chart of one series uses the first.
const COLORS = ['#0f6cbd', '#ca5010', '#4f6bed', '#038387', '#8764b8', '#986f0b', '#c239b3', '#0b6a0b', '#d13438', '#5c2e91'];
const SERIES_COLOR = COLORS[0] as string;

/** No chart grows past this: a long list gets thinner bars, never a taller page. */
export const MAX_CHART_HEIGHT = 560;
const COLUMNS_HEIGHT = 280;
const GROUPED_HEIGHT = 360;
const DONUT_HEIGHT = 280;
const BAR_ROW = 26;
const BARS_CHROME = 44;

/** The height a chart of this kind and number of rows is drawn at: readable, and never over MAX_CHART_HEIGHT. */
export function chartHeight(kind: ChartSpec['kind'], rows: number): number {
  if (kind === 'donut') return DONUT_HEIGHT;
  if (kind === 'grouped') return GROUPED_HEIGHT;
  if (kind !== 'bars') return COLUMNS_HEIGHT;
  return Math.min(MAX_CHART_HEIGHT, Math.max(160, BARS_CHROME + rows * BAR_ROW));
}

/**
 * The report drawn as a chart, in plain SVG at its card's size (sixteen charts draw at once on a manager's tab); the table
 * beside it carries the same figures for screen readers and copying, and each bar names its figure on hover.
 */
export function ReportChart({ report, chart, title }: { report: ReportResponse; chart: ChartSpec; title: string }) {
  const translator = useI18n();
  const column = report.columns.find((candidate) => candidate.key === chart.column);
  if (!column) return null;
  const series = columnLabel(translator, column);
  const points = report.rows.map((row) => ({
    label: rowLabel(translator, report, row),
    value: row.values[column.key] ?? 0,
    text: formatValue(translator, column, row.values[column.key], report.currency),
  }));
  const tick = (value: number) => formatTick(translator, column, value, report.currency);

  if (chart.kind === 'donut') {
    const share = (fraction: number) => formatValue(translator, { key: 'share', kind: 'percent' }, fraction, report.currency);
    return <DonutChart title={title} points={points} colors={COLORS} share={share} whole={tick} />;
  }
  if (chart.kind === 'grouped') {
    // Products as series; segments in their order (the API's within each product), each after those it follows.
    const parts = report.rows.map((row) => ({ row, ...segmentRowParts(translator, report, row) }));
    const products = [...new Set(parts.map((part) => part.product ?? ''))];
    const colorOf = (product: string) => COLORS[products.indexOf(product) % COLORS.length] ?? SERIES_COLOR;
    const segments = segmentsInOrder(parts.map((part) => ({ product: part.product ?? '', segment: part.segment })));
    const groups = segments.map((segment) => ({
      label: segment,
      bars: parts
        .filter((part) => part.segment === segment)
        .map((part) => ({
          series: part.product ?? '',
          value: part.row.values[column.key] ?? 0,
          text: formatValue(translator, column, part.row.values[column.key], report.currency),
          color: colorOf(part.product ?? ''),
        })),
    }));
    return <ColumnChart title={title} groups={groups} mode="grouped" legend={products.map((product) => ({ name: product, color: colorOf(product) }))} tick={tick} />;
  }
  if (chart.kind === 'stacked') {
    const kinds = (chart.stack ?? []).map((key, index) => ({ key, name: translator.t(`kind.${key}` as MessageKey), color: COLORS[index % COLORS.length] ?? SERIES_COLOR }));
    const groups = report.rows.map((row) => ({
      label: rowLabel(translator, report, row),
      bars: kinds.map((kind) => ({ series: kind.name, value: row.values[kind.key] ?? 0, text: formatValue(translator, column, row.values[kind.key], report.currency), color: kind.color })),
    }));
    return <ColumnChart title={title} groups={groups} mode="stacked" legend={kinds} tick={tick} />;
  }
  if (chart.kind === 'columns') {
    // One series: each group is a single bar (a stack of one).
    const groups = points.map((point) => ({ label: point.label, bars: [{ series: '', value: point.value, text: point.text, color: SERIES_COLOR }] }));
    return <ColumnChart title={`${title} (${series})`} groups={groups} mode="stacked" tick={tick} />;
  }
  return <BarChart title={`${title} (${series})`} points={points} color={SERIES_COLOR} tick={tick} />;
}
