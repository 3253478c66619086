import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import { viewIcons } from '../components/icons';
import { useI18n } from '../i18n/I18nContext';

export type View = keyof typeof viewIcons;

const useStyles = makeStyles({
  // One row at any width: the chosen view shows its name, the others their icon (named on hover and to screen readers).
  nav: { flexWrap: 'nowrap', minWidth: 0, overflow: 'hidden' },
  tab: { minWidth: 0, flexShrink: 0 },
  label: { whiteSpace: 'nowrap' },
});

/** The pane's views in one row of icons; the current one with its name. */
export function AppNav({ views, view, onChange }: { views: readonly View[]; view: View; onChange: (view: View) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <TabList className={styles.nav} size="small" selectedValue={view} onTabSelect={(_, data) => onChange(data.value as View)} aria-label={t('nav.label')}>
      {views.map((name) => {
        const Icon = viewIcons[name];
        const label = t(`nav.${name}`);
        return (
          <Tab key={name} value={name} className={styles.tab} icon={<Icon />} aria-label={label} title={label}>
            {name === view ? <span className={styles.label}>{label}</span> : null}
          </Tab>
        );
      })}
    </TabList>
  );
}
