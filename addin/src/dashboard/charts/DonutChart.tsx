import { ChartLegend } from './ChartLegend';
import { useChartStyles } from './chart.styles';
import { useBoxSize } from './useBoxSize';
import type { ChartPoint } from './chart.types';

const HOLE = 0.6;

/** One slice's ring segment, from angle `start` to `end` (radians, clockwise from twelve o'clock). */
function arc(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  const point = (radius: number, angle: number) => `${cx + radius * Math.sin(angle)} ${cy - radius * Math.cos(angle)}`;
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${point(outer, start)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, end)} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)} Z`;
}

/**
 * Each row's share of the whole as a ring, the whole in its middle; the legend names every slice with its share. Rows of
 * 0 or less have none.
 */
export function DonutChart({
  title,
  points,
  colors,
  share,
  whole,
}: {
  title: string;
  points: readonly ChartPoint[];
  colors: readonly string[];
  share: (fraction: number) => string;
  whole: (total: number) => string;
}) {
  const styles = useChartStyles();
  const { ref, width, height } = useBoxSize<HTMLDivElement>();
  const slices = points.filter((point) => point.value > 0).map((point, index) => ({ ...point, color: colors[index % colors.length] ?? 'currentColor' }));
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const size = Math.min(width, height);
  const outer = size / 2 - 2;
  let angle = 0;
  return (
    <div className={styles.box}>
      <ChartLegend entries={slices.map((slice) => ({ name: slice.label, color: slice.color, note: share(slice.value / total) }))} />
      <div ref={ref} className={styles.plot}>
        {size > 0 && (
          <svg className={styles.svg} width={width} height={height} role="img" aria-label={title}>
            {slices.map((slice, index) => {
              const start = angle;
              // A slice of the whole ring is drawn just short of a full turn: an arc cannot end where it starts.
              const end = Math.min(start + (slice.value / total) * 2 * Math.PI, 2 * Math.PI - 1e-4);
              angle = end;
              return (
                <path key={`${slice.label}-${index}`} d={arc(width / 2, height / 2, outer, outer * HOLE, start, end)} fill={slice.color} className={slices.length > 1 ? styles.sliceEdge : undefined}>
                  <title>{`${slice.label}: ${slice.text} (${share(slice.value / total)})`}</title>
                </path>
              );
            })}
            <text className={styles.total} x={width / 2} y={height / 2} textAnchor="middle" dominantBaseline="middle">
              {whole(total)}
            </text>
          </svg>
        )}
      </div>
    </div>
  );
}
