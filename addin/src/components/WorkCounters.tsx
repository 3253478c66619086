import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { counterIcons } from './icons';

const useStyles = makeStyles({
  // Three equal columns that may shrink below their content: the row always fits the pane, labels wrap instead.
  counters: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, margin: 0 },
  counter: {
    display: 'flex',
    flexDirection: 'column-reverse',
    alignItems: 'center',
    minWidth: 0,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  label: { textAlign: 'center', overflowWrap: 'break-word', maxWidth: '100%' },
  number: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  small: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground2 },
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

/** Counters of what needs attention: overdue (in red when any), due today, planned; each with its icon, in one row. */
export function WorkCounters({ label, overdue, dueToday, planned, plannedLabel, capped = false, size = 'large' }: WorkCountersProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const counters: [MessageKey, number, FluentIcon, boolean][] = [
    ['home.overdue', overdue, counterIcons.overdue, overdue > 0],
    ['home.dueToday', dueToday, counterIcons.today, false],
    [plannedLabel, planned, counterIcons.later, false],
  ];
  return (
    <dl className={styles.counters} aria-label={label}>
      {counters.map(([name, value, Icon, alert]) => (
        <div key={name} className={styles.counter}>
          <dt className={styles.label}>
            <Caption1>{t(name)}</Caption1>
          </dt>
          <dd className={mergeClasses(styles.number, size === 'small' && styles.small, alert && styles.alert)}>
            <Icon aria-hidden className={mergeClasses(styles.icon, alert && styles.alert)} />
            {value}
            {capped && value > 0 ? '+' : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}
