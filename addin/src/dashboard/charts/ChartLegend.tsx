import { useChartStyles } from './chart.styles';

export type LegendEntry = { name: string; color: string; note?: string };

/** The series of a chart, each with its colour; a share or figure after the name where the chart gives one. */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  const styles = useChartStyles();
  return (
    <ul className={styles.legend}>
      {entries.map((entry, index) => (
        <li key={`${entry.name}-${index}`} className={styles.entry}>
          <span className={styles.swatch} style={{ backgroundColor: entry.color }} aria-hidden />
          <span className={styles.entryText} title={entry.note ? `${entry.name}: ${entry.note}` : entry.name}>
            {entry.note ? `${entry.name} · ${entry.note}` : entry.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
