import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useOpenRecord } from '../../taskpane/record-navigation';

// RecordLink's look, for the settings' campaigns and web forms: RecordLink's own module, reached from one more lazy
// part, would leave the first card's chunk it shares for a file of its own (+0.3 KB gzip before the first card, measured).
const useStyles = makeStyles({
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

/** A campaign's name that opens it in the pane's record view, as RecordLink opens any record. */
export function CampaignLink({ id, children }: { id: string; children: ReactNode }) {
  const styles = useStyles();
  const openRecord = useOpenRecord();
  return (
    <button type="button" className={styles.link} onClick={() => openRecord({ kind: 'campaign', id })}>
      {children}
    </button>
  );
}
