import { ChartLegend, type LegendEntry } from './ChartLegend';
import { CHAR_WIDTH, fitLabel, linearScale, niceTicks } from './chart-scale';
import { useChartStyles } from './chart.styles';
import { useBoxSize } from './useBoxSize';

export type ColumnGroup = { label: string; bars: { series: string; value: number; text: string; color: string }[] };

const [TOP, RIGHT] = [12, 16];
const TEXT_HEIGHT = 11;
// Labels turned when they would touch upright; their room below the axis is capped, longer ones cut with "…".
const TURNED_ROOM = 96;
const COLUMN_MAX = 48;
const SIN45 = Math.SQRT1_2;
const TURNED_CHARS = (TURNED_ROOM - 16) / SIN45 / CHAR_WIDTH;

/**
 * Vertical bars, one group per period or segment in order: one bar (`columns`), a bar per series side by side
 * (`grouped`), or the series stacked (`stacked`, each value on the last). Every group is labelled below the axis,
 * turned when the labels would touch; the series are named in the legend above.
 */
export function ColumnChart({
  title,
  groups,
  mode,
  legend,
  tick,
}: {
  title: string;
  groups: readonly ColumnGroup[];
  mode: 'grouped' | 'stacked';
  legend?: readonly LegendEntry[];
  tick: (value: number) => string;
}) {
  const styles = useChartStyles();
  const { ref, width, height } = useBoxSize<HTMLDivElement>();
  const totals = groups.map((group) => (mode === 'stacked' ? group.bars.reduce((sum, bar) => sum + Math.max(0, bar.value), 0) : Math.max(0, ...group.bars.map((bar) => bar.value))));
  const lows = groups.map((group) => (mode === 'stacked' ? group.bars.reduce((sum, bar) => sum + Math.min(0, bar.value), 0) : Math.min(0, ...group.bars.map((bar) => bar.value))));
  const ticks = niceTicks(Math.min(...lows), Math.max(...totals), Math.max(2, Math.floor((height - TOP - 60) / 50)));
  const tickRoom = 12 + Math.max(...ticks.map((value) => tick(value).length)) * CHAR_WIDTH;
  const longest = Math.max(1, ...groups.map((group) => group.label.length)) * CHAR_WIDTH;
  const slotOf = (left: number) => (groups.length > 0 ? Math.max(0, width - left - RIGHT) / groups.length : 0);
  const turned = longest > slotOf(tickRoom) - 6;
  // A turned label reaches left of its column by its length × cos 45°; the first column's middle is half a slot in,
  // so the plot starts far enough right (8 px to spare) that its label keeps inside the chart.
  const left = turned ? Math.max(tickRoom, Math.min(longest, TURNED_CHARS * CHAR_WIDTH) * SIN45 - slotOf(tickRoom) / 2 + 8) : tickRoom;
  const plotWidth = Math.max(0, width - left - RIGHT);
  const slot = slotOf(left);
  // Turned labels lie slot × sin 45° apart: every one while that clears the text's height (11 px of a 12 px font),
  // else every second or third.
  const every = turned ? Math.max(1, Math.ceil(TEXT_HEIGHT / Math.max(1, slot * SIN45))) : 1;
  const bottom = turned ? Math.min(TURNED_ROOM, longest * SIN45 + 16) : 24;
  const plotHeight = Math.max(0, height - TOP - bottom);
  const y = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, TOP + plotHeight, TOP);
  // Side by side, each series keeps its place in every group (a gap where a group has none of it), as the legend orders them.
  const series = legend?.map((entry) => entry.name) ?? [...new Set(groups.flatMap((group) => group.bars.map((bar) => bar.series)))];
  const places = mode === 'grouped' ? Math.max(1, series.length) : 1;
  const groupWidth = Math.min(slot * 0.75, COLUMN_MAX * places);
  const barWidth = groupWidth / places;
  const baseline = TOP + plotHeight;

  return (
    <div className={styles.box}>
      {legend && legend.length > 0 && <ChartLegend entries={legend} />}
      <div ref={ref} className={styles.plot}>
        {width > 0 && (
          <svg className={styles.svg} width={width} height={height} role="img" aria-label={title}>
            {ticks.map((value) => (
              <g key={value}>
                <line className={value === 0 ? styles.axis : styles.grid} x1={left} x2={left + plotWidth} y1={y(value)} y2={y(value)} />
                <text className={styles.text} x={left - 6} y={y(value)} textAnchor="end" dominantBaseline="middle">
                  {tick(value)}
                </text>
              </g>
            ))}
            {groups.map((group, index) => {
              const center = left + slot * (index + 0.5);
              const start = center - groupWidth / 2;
              let [above, below] = [0, 0];
              return (
                <g key={`${group.label}-${index}`}>
                  {group.bars.map((bar, barIndex) => {
                    let [from, to] = [0, bar.value];
                    if (mode === 'stacked') {
                      [from, to] = bar.value >= 0 ? [above, above + bar.value] : [below + bar.value, below];
                      if (bar.value >= 0) above = to;
                      else below = from;
                    }
                    const [top, bottomEdge] = [y(Math.max(from, to)), y(Math.min(from, to))];
                    return (
                      <rect key={`${bar.series}-${barIndex}`} x={mode === 'stacked' ? start : start + barWidth * Math.max(0, series.indexOf(bar.series))} y={top} width={Math.max(1, barWidth - (mode === 'grouped' ? 2 : 0))} height={Math.max(0, bottomEdge - top)} fill={bar.color}>
                        <title>{`${group.label}${bar.series ? ` · ${bar.series}` : ''}: ${bar.text}`}</title>
                      </rect>
                    );
                  })}
                  {index % every === 0 &&
                    (turned ? (
                      <text className={styles.text} transform={`translate(${center + 4},${baseline + 10}) rotate(-45)`} textAnchor="end" dominantBaseline="middle">
                        {fitLabel(group.label, TURNED_CHARS)[0]}
                      </text>
                    ) : (
                      <text className={styles.text} x={center} y={baseline + 16} textAnchor="middle">
                        {group.label}
                      </text>
                    ))}
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </div>
  );
}
