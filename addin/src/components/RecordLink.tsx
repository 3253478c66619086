import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useOpenRecord, type RecordRef } from '../taskpane/record-navigation';

const useStyles = makeStyles({
  // A link's look on a button: it opens a view in the pane, it does not navigate the page.
  link: {
    display: 'inline',
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    textAlign: 'start',
    color: tokens.colorBrandForegroundLink,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
});

/** A record's name that opens it in the pane's record view. */
export function RecordLink({ to, children, className, label }: { to: RecordRef; children: ReactNode; className?: string; label?: string }) {
  const styles = useStyles();
  const openRecord = useOpenRecord();
  return (
    <button type="button" className={mergeClasses(styles.link, className)} aria-label={label} onClick={() => openRecord(to)}>
      {children}
    </button>
  );
}
