import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

// A menu in the flow under the entry, drawn with Fluent's tokens from plain buttons: Fluent's Menu would bring its
// positioning, portal and icons, whose modules the first card's bundle reaches through the libraries' barrels.

const useStyles = makeStyles({
  menu: {
    display: 'flex',
    flexDirection: 'column',
    maxWidth: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  header: { ...typographyStyles.caption1Strong, color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    ...typographyStyles.body1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':disabled': { color: tokens.colorNeutralForegroundDisabled, cursor: 'default', backgroundColor: 'transparent' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  secondary: { color: tokens.colorNeutralForeground3, ...typographyStyles.caption1, whiteSpace: 'nowrap' },
  divider: { height: tokens.strokeWidthThin, margin: `${tokens.spacingVerticalXS} 0`, backgroundColor: tokens.colorNeutralStroke2 },
});

/** A menu's items, moved through with the arrow keys (Home and End too); Escape closes it. The first takes the focus. */
export function ActionMenu({ label, onDismiss, children }: { label: string; onDismiss: () => void; children: ReactNode }) {
  const styles = useStyles();
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.stopPropagation();
      onDismiss();
    } else if (next !== undefined && items.length > 0) {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    }
  };
  return (
    <div ref={menu} role="menu" aria-label={label} className={styles.menu} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

/** One item: what it does, and beside it what it means (a quick date's day). */
export function ActionMenuItem({ children, secondary, disabled, onClick }: { children: ReactNode; secondary?: string; disabled?: boolean; onClick: () => void }) {
  const styles = useStyles();
  return (
    <button type="button" role="menuitem" tabIndex={-1} className={styles.item} disabled={disabled} onClick={onClick}>
      <span>{children}</span>
      {secondary ? <span className={styles.secondary}>{secondary}</span> : null}
    </button>
  );
}

/** Items under a heading (the quick dates under "Snooze until"). */
export function ActionMenuGroup({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label}>
      <div role="presentation" className={styles.header}>
        {label}
      </div>
      {children}
    </div>
  );
}

export function ActionMenuDivider() {
  const styles = useStyles();
  return <div role="separator" className={styles.divider} />;
}
