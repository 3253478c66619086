import { Button, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { viewIcons } from '../components/icons';
import { useI18n } from '../i18n/I18nContext';

export type View = keyof typeof viewIcons;

const useStyles = makeStyles({
  // One row at any width: the current view shows its name, the others their icon (named on hover and to screen readers).
  nav: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  tab: { minWidth: 0, flexShrink: 0 },
  current: { flexShrink: 1, overflow: 'hidden', color: tokens.colorBrandForeground1 },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/** The pane's views in one row of icons, the current one with its name; arrow keys move between them. */
export function AppNav({ views, view, onChange }: { views: readonly View[]; view: View | null; onChange: (view: View) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const arrows = useArrowNavigationGroup({ axis: 'horizontal', circular: true });
  return (
    <nav aria-label={t('nav.label')}>
      <div className={styles.nav} role="tablist" {...arrows}>
        {views.map((name) => {
          const Icon = viewIcons[name];
          const label = t(`nav.${name}`);
          const current = name === view;
          return (
            <Button
              key={name}
              role="tab"
              aria-selected={current}
              aria-label={label}
              title={label}
              appearance={current ? 'subtle' : 'transparent'}
              className={current ? styles.current : styles.tab}
              icon={<Icon />}
              onClick={() => onChange(name)}
            >
              {current ? <span className={styles.label}>{label}</span> : null}
            </Button>
          );
        })}
      </div>
    </nav>
  );
}
