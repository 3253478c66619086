import { DonutChart, VerticalBarChart } from '@fluentui/react-charts';
import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import { useI18n } from '../i18n/I18nContext';
import type { ChartSpec } from './report-catalog';
import { formatTick, formatValue, rowLabel } from './report-format';

// Fluent's categorical palette, in order: distinct for neighbours, readable on white.
const COLORS = ['#0f6cbd', '#ca5010', '#4f6bed', '#038387', '#8764b8', '#986f0b', '#c239b3', '#0b6a0b', '#d13438', '#5c2e91'];

/** The report drawn as a chart; the table beside it carries the same figures for screen readers and copying. */
export function ReportChart({ report, chart, title }: { report: ReportResponse; chart: ChartSpec; title: string }) {
  const translator = useI18n();
  const column = report.columns.find((candidate) => candidate.key === chart.column);
  if (!column) return null;
  const points = report.rows.map((row, index) => ({
    label: rowLabel(translator, report.report, row),
    value: row.values[column.key] ?? 0,
    text: formatValue(translator, column, row.values[column.key], report.currency),
    color: COLORS[index % COLORS.length] ?? COLORS[0],
  }));
  if (chart.kind === 'donut') {
    return (
      <DonutChart
        data={{ chartTitle: title, chartData: points.filter((point) => point.value > 0).map((point) => ({ legend: point.label, data: point.value, color: point.color, yAxisCalloutData: point.text })) }}
        innerRadius={55}
        height={260}
        culture={translator.locale}
        hideLabels
      />
    );
  }
  return (
    <VerticalBarChart
      chartTitle={title}
      data={points.map((point) => ({ x: point.label, y: point.value, legend: point.label, color: point.color, yAxisCalloutData: point.text }))}
      height={260}
      margins={{ left: 72, right: 16, top: 16, bottom: 40 }}
      hideLegend
      culture={translator.locale}
      wrapXAxisLables
      hideLabels
      yAxisTickFormat={(value: number) => formatTick(translator, column, value, report.currency)}
    />
  );
}
