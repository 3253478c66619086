import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';

const useStyles = makeStyles({
  counters: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS, margin: 0 },
  counter: {
    display: 'flex',
    flexDirection: 'column-reverse',
    alignItems: 'center',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: { margin: 0, fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  small: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  alert: { color: tokens.colorPaletteRedForeground1 },
});

export type WorkCountersProps = {
  label: string;
  overdue: number;
  dueToday: number;
  planned: number;
  /** What "planned" counts: the next seven days, or everything later. */
  plannedLabel: MessageKey;
  /** The counts are lower bounds ("12+"). */
  capped?: boolean;
  size?: 'large' | 'small';
};

/** Counters of what needs attention: overdue (in red when any), due today, planned. */
export function WorkCounters({ label, overdue, dueToday, planned, plannedLabel, capped = false, size = 'large' }: WorkCountersProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const counters: [MessageKey, number, boolean][] = [
    ['home.overdue', overdue, overdue > 0],
    ['home.dueToday', dueToday, false],
    [plannedLabel, planned, false],
  ];
  return (
    <dl className={styles.counters} aria-label={label}>
      {counters.map(([name, value, alert]) => (
        <div key={name} className={styles.counter}>
          <dt>
            <Caption1>{t(name)}</Caption1>
          </dt>
          <dd className={mergeClasses(styles.number, size === 'small' && styles.small, alert && styles.alert)}>
            {value}
            {capped && value > 0 ? '+' : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}
