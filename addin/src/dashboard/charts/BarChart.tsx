import { CHAR_WIDTH, fitLabel, linearScale, niceTicks } from './chart-scale';
import { useChartStyles } from './chart.styles';
import type { ChartPoint } from './chart.types';
import { useBoxSize } from './useBoxSize';

// The labels' column: as wide as the longest label needs, up to a third of a typical card.
const LABEL_MAX = 200;
const LABEL_MIN = 48;
const LINE = 14;
const [TOP, BOTTOM] = [8, 28];
const BAR_MAX = 24;

/**
 * One horizontal bar per row, in the rows' order from the top, each labelled on its left (a long label on two lines,
 * then cut with "…", in full on hover); the value axis below. Values below 0 go left of the zero line.
 */
export function BarChart({ title, points, color, tick }: { title: string; points: readonly ChartPoint[]; color: string; tick: (value: number) => string }) {
  const styles = useChartStyles();
  const { ref, width, height } = useBoxSize<HTMLDivElement>();
  const longest = Math.max(4, ...points.map((point) => point.label.length));
  const labelWidth = Math.min(LABEL_MAX, Math.max(LABEL_MIN, 12 + longest * CHAR_WIDTH), Math.round(width * 0.4));
  const plotHeight = Math.max(0, height - TOP - BOTTOM);
  const [low, high] = [Math.min(...points.map((point) => point.value)), Math.max(...points.map((point) => point.value))];
  // The last tick's label is centred on the plot's end: half of it (and a little) is the room on the right.
  const rightOf = (ticks: number[]) => 8 + (tick(ticks[ticks.length - 1] ?? 0).length * CHAR_WIDTH) / 2;
  // Room between two ticks, against the widest of their labels.
  const labelRoom = (ticks: number[]) => Math.max(...ticks.map((value) => tick(value).length)) * CHAR_WIDTH + 8;
  const spacing = (ticks: number[]) => (width - labelWidth - rightOf(ticks)) / Math.max(1, ticks.length - 1);
  // Fewer ticks while their labels would run into each other (amounts in millions on a narrow card); if even the
  // fewest are too close, every second (or third) is labelled, from zero.
  let count = Math.max(2, Math.floor((width - labelWidth) / 90));
  let ticks = niceTicks(low, high, count);
  while (count > 1 && spacing(ticks) < labelRoom(ticks)) ticks = niceTicks(low, high, --count);
  const labelEvery = Math.max(1, Math.ceil(labelRoom(ticks) / Math.max(1, spacing(ticks))));
  // Counted from zero, which a scale below and above it always labels.
  const zeroAt = Math.max(0, ticks.indexOf(0));
  const right = rightOf(ticks);
  const plotWidth = Math.max(0, width - labelWidth - right);
  const x = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, labelWidth, labelWidth + plotWidth);
  const band = points.length > 0 ? plotHeight / points.length : 0;
  const thickness = Math.min(BAR_MAX, band * 0.7);
  const lines = band >= 2 * LINE + 2 ? 2 : 1;
  // Rows thinner than a line (a long list in the tallest chart) are labelled every second or third; the table has them all.
  const every = Math.max(1, Math.ceil((LINE - 2) / Math.max(1, band)));
  const chars = (labelWidth - 12) / CHAR_WIDTH;

  return (
    <div ref={ref} className={styles.box}>
      {width > 0 && (
        <svg className={styles.svg} width={width} height={height} role="img" aria-label={title}>
          {ticks.map((value, index) => (
            <g key={value}>
              <line className={value === 0 ? styles.axis : styles.grid} x1={x(value)} x2={x(value)} y1={TOP} y2={TOP + plotHeight} />
              {(index - zeroAt) % labelEvery === 0 && (
                <text className={styles.text} x={x(value)} y={TOP + plotHeight + 18} textAnchor="middle">
                  {tick(value)}
                </text>
              )}
            </g>
          ))}
          {points.map((point, index) => {
            const middle = TOP + band * (index + 0.5);
            const label = fitLabel(point.label, chars, lines);
            const [from, to] = [x(Math.min(0, point.value)), x(Math.max(0, point.value))];
            return (
              <g key={`${point.label}-${index}`}>
                <title>{`${point.label}: ${point.text}`}</title>
                {index % every === 0 && (
                  <text className={styles.text} x={labelWidth - 8} y={middle - ((label.length - 1) * LINE) / 2} textAnchor="end" dominantBaseline="middle">
                    {label.map((line, lineIndex) => (
                      <tspan key={lineIndex} x={labelWidth - 8} dy={lineIndex === 0 ? 0 : LINE}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                )}
                <rect x={from} y={middle - thickness / 2} width={Math.max(to - from, point.value === 0 ? 0 : 1)} height={thickness} fill={color} rx={2} />
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
