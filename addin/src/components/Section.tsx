import { useId, useState, type ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, type FluentIcon } from '@fluentui/react-icons';
import { CountBadge } from './StatusBadge';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  toggle: { justifyContent: 'flex-start', gap: tokens.spacingHorizontalXS, width: '100%', minWidth: 0, paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightSemibold },
  title: { flexGrow: 1, minWidth: 0, textAlign: 'start', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
});

export type SectionProps = {
  title: string;
  icon: FluentIcon;
  /** Shown beside the title (open deals, open cases); nothing when absent or zero. */
  count?: number;
  defaultOpen?: boolean;
  children: ReactNode;
};

/**
 * A part of a record below its card, opened and closed in place: sections stack in a narrow pane where tabs would wrap
 * into rows. What a closed section holds is not rendered (nor read) until it is opened.
 */
export function Section({ title, icon: Icon, count, defaultOpen = false, children }: SectionProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className={styles.section} aria-label={title}>
      <Button
        appearance="transparent"
        className={styles.toggle}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon aria-hidden />
        <span className={styles.title}>{title}</span>
        {count ? <CountBadge count={count} /> : null}
      </Button>
      {open ? (
        <div id={bodyId} className={styles.body}>
          {children}
        </div>
      ) : null}
    </section>
  );
}
