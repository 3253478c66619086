import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { GoalProgress } from '@rapport/shared/goals/goals.contract';
import { metricKey, paceBand, percentFormat, type Bands } from '../components/goals/goal-format';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0 },
  bars: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  bar: { display: 'grid', gridTemplateColumns: 'minmax(6em, 30%) 1fr auto', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: { position: 'relative', height: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, minWidth: 0 },
  fill: { position: 'absolute', insetBlock: 0, insetInlineStart: 0, borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorBrandBackground },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  success: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  neutral: {},
  // The goal itself: where 100 % falls on a scale to 150 %.
  goal: { position: 'absolute', insetBlock: '-3px', insetInlineStart: `${(100 / 150) * 100}%`, width: tokens.strokeWidthThick, backgroundColor: tokens.colorNeutralForeground1 },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'end', minWidth: '3.5em' },
});

/** Shown up to this share of the goal; beyond it the bar is full and the figure says how far. */
const SCALE = 1.5;

/**
 * Every rep's attainment as bars, one chart per metric: the share of the goal reached (the goal's line at 100 %),
 * coloured by the pace with the manager's bands. The table beside it has the same figures to sort and read.
 */
export function AttainmentChart({ rows, bands }: { rows: { rep: string; progress: GoalProgress }[]; bands: Bands | undefined }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const percent = percentFormat(locale);
  const byMetric = new Map<string, { rep: string; progress: GoalProgress }[]>();
  for (const row of rows) {
    const key = t(metricKey(row.progress.goal));
    byMetric.set(key, [...(byMetric.get(key) ?? []), row]);
  }
  return (
    <div className={styles.chart}>
      {[...byMetric].map(([metric, entries]) => (
        <figure key={metric} className={styles.chart} aria-label={t('goals.chart.label', { metric })}>
          <Caption1 as="p">{t('goals.chart.label', { metric })}</Caption1>
          <ul className={styles.bars}>
            {[...entries]
              .sort((a, b) => (b.progress.ratio ?? -1) - (a.progress.ratio ?? -1))
              .map(({ rep, progress }) => {
                const ratio = progress.ratio;
                const shown = ratio === null ? '—' : percent.format(ratio);
                return (
                  <li key={`${rep}-${progress.goalId ?? ''}`} className={styles.bar} aria-label={t('goals.chart.bar', { rep, percent: shown })}>
                    <Caption1 className={styles.name} title={rep}>
                      {rep}
                    </Caption1>
                    <div className={styles.track} aria-hidden>
                      <div className={`${styles.fill} ${styles[paceBand(progress.paceRatio, bands)]}`} style={{ width: `${(Math.min(ratio ?? 0, SCALE) / SCALE) * 100}%` }} />
                      <div className={styles.goal} />
                    </div>
                    <Caption1 className={styles.value}>{shown}</Caption1>
                  </li>
                );
              })}
          </ul>
        </figure>
      ))}
    </div>
  );
}
