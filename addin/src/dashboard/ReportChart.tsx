import { DonutChart, GroupedVerticalBarChart, HorizontalBarChartWithAxis, VerticalBarChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
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
const BARS_CHROME = 80;
// Category labels are drawn at about this many pixels a character; a label wider than the cap wraps or is cut with "…".
const LABEL_CHAR_WIDTH = 7;
const LABEL_MARGIN_MAX = 200;

/** The height a chart of this kind and number of rows is drawn at: readable, and never over MAX_CHART_HEIGHT. */
export function chartHeight(kind: ChartSpec['kind'], rows: number): number {
  if (kind === 'donut') return DONUT_HEIGHT;
  if (kind === 'grouped') return GROUPED_HEIGHT;
  if (kind !== 'bars') return COLUMNS_HEIGHT;
  return Math.min(MAX_CHART_HEIGHT, Math.max(160, BARS_CHROME + rows * BAR_ROW));
}

/** The report drawn as a chart; the table beside it carries the same figures for screen readers and copying. */
export function ReportChart({ report, chart, title }: { report: ReportResponse; chart: ChartSpec; title: string }) {
  const translator = useI18n();
  const column = report.columns.find((candidate) => candidate.key === chart.column);
  if (!column) return null;
  const series = columnLabel(translator, column);
  const height = chartHeight(chart.kind, report.rows.length);
  const points = report.rows.map((row) => ({
    label: rowLabel(translator, report, row),
    value: row.values[column.key] ?? 0,
    text: formatValue(translator, column, row.values[column.key], report.currency),
  }));
  const tick = (value: number) => formatTick(translator, column, value, report.currency);

  if (chart.kind === 'donut') {
    return (
      <DonutChart
        data={{ chartTitle: title, chartData: points.filter((point) => point.value > 0).map((point, index) => ({ legend: point.label, data: point.value, color: COLORS[index % COLORS.length], yAxisCalloutData: point.text })) }}
        innerRadius={55}
        height={height}
        culture={translator.locale}
        legendProps={{ overflowText: translator.t('dash.legendMore') }}
        hideLabels
      />
    );
  }
  if (chart.kind === 'grouped') {
    // Products as series; segments in their order (the API's within each product), each after those it follows.
    const parts = report.rows.map((row) => ({ row, ...segmentRowParts(translator, report, row) }));
    const products = [...new Set(parts.map((part) => part.product ?? ''))];
    const segments = segmentsInOrder(parts.map((part) => ({ product: part.product ?? '', segment: part.segment })));
    return (
      <GroupedVerticalBarChart
        chartTitle={title}
        data={segments.map((segment) => ({
          name: segment,
          series: parts
            .filter((part) => part.segment === segment)
            .map((part) => ({
              key: part.product ?? '',
              legend: part.product ?? '',
              data: part.row.values[column.key] ?? 0,
              color: COLORS[products.indexOf(part.product ?? '') % COLORS.length],
              xAxisCalloutData: segment,
              yAxisCalloutData: formatValue(translator, column, part.row.values[column.key], report.currency),
            })),
        }))}
        height={height}
        margins={{ left: 72, right: 24, top: 16, bottom: 36 }}
        culture={translator.locale}
        rotateXAxisLables
        hideLabels
        yAxisTickFormat={tick}
        // The legends that do not fit on one line are under "+10 more" (wrapped, they would take the bars' height).
        legendProps={{ overflowText: translator.t('dash.legendMore') }}
      />
    );
  }
  if (chart.kind === 'stacked') {
    const kinds = (chart.stack ?? []).map((key, index) => ({ key, legend: translator.t(`kind.${key}` as MessageKey), color: COLORS[index % COLORS.length] }));
    return (
      <VerticalStackedBarChart
        chartTitle={title}
        data={report.rows.map((row) => ({
          xAxisPoint: rowLabel(translator, report, row),
          chartData: kinds.map((kind) => ({ legend: kind.legend, data: row.values[kind.key] ?? 0, color: kind.color })),
        }))}
        height={height}
        margins={{ left: 48, right: 56, top: 16, bottom: 36 }}
        culture={translator.locale}
        legendProps={{ overflowText: translator.t('dash.legendMore') }}
        rotateXAxisLables
        hideLabels
      />
    );
  }
  if (chart.kind === 'columns') {
    return (
      <VerticalBarChart
        chartTitle={title}
        data={points.map((point) => ({ x: point.label, y: point.value, legend: series, color: SERIES_COLOR, yAxisCalloutData: point.text }))}
        height={height}
        margins={{ left: 72, right: 56, top: 16, bottom: 36 }}
        culture={translator.locale}
        // Turned: upright, the chart drops labels that would touch (every other month), and people lose their place.
        rotateXAxisLables
        hideLabels
        yAxisTickFormat={tick}
      />
    );
  }
  // Bars read top to bottom in the table's order: the chart's y axis runs bottom-up, so the rows go in reversed. Its value
  // axis takes no formatter: rates are drawn in percent points so that it reads 0–100, not 0–1.
  const scale = column.kind === 'percent' ? 100 : 1;
  // The chart does not measure its labels: the left margin makes room for the longest, up to a third of a typical card.
  const longest = Math.max(...points.map((point) => point.label.length), 4);
  return (
    <HorizontalBarChartWithAxis
      chartTitle={title}
      data={[...points].reverse().map((point) => ({ y: point.label, x: point.value * scale, legend: scale === 100 ? `${series} (%)` : series, color: SERIES_COLOR, yAxisCalloutData: point.text }))}
      height={height}
      margins={{ left: Math.min(LABEL_MARGIN_MAX, 12 + longest * LABEL_CHAR_WIDTH), right: 40, top: 8, bottom: 40 }}
      culture={translator.locale}
      xAxisTickCount={4}
      showYAxisLables
      useSingleColor
      colors={[SERIES_COLOR]}
      hideLabels
    />
  );
}
