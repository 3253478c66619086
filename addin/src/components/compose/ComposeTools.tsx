import { Suspense, useState } from 'react';
import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import type { CalendarLoader } from '../../data/calendar';
import { useI18n } from '../../i18n/I18nContext';
import type { ComposeContent } from '../../office/compose-item';
import type { MailItem } from '../../office/mail-item';
import { LazyInsertFreeTimes } from '../free-times/LazyInsertFreeTimes';
import { actionIcons } from '../icons';
import { Notice } from '../Notice';
import { recipientsOf } from './compose-recipients';

const useStyles = makeStyles({
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export type ComposeToolsProps = {
  /** The draft: its recipients. */
  item: MailItem;
  /** What the CRM knows of each recipient (empty until the lookup answers). */
  results: readonly LookupResult[];
  loadCalendar: CalendarLoader;
  /** Puts content into the draft at the cursor, through Outlook. */
  insert: (content: ComposeContent) => Promise<void>;
};

type Tool = 'freeTimes';

/**
 * What the pane offers in a message being written, above the recipients' cards: inserting free times. One tool
 * open at a time, in place of nothing else (the card stays below). Loaded only in compose windows.
 */
export function ComposeTools({ item, results, loadCalendar, insert }: ComposeToolsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, setOpen] = useState<Tool | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const toggle = (tool: Tool) => {
    setSaid(null);
    setOpen((current) => (current === tool ? null : tool));
  };
  const FreeTimesIcon = actionIcons.schedule;
  return (
    <section className={styles.tools} aria-label={t('compose.tools')}>
      {item.participants.length === 0 ? <Body1 className={styles.hint}>{t('compose.noRecipients')}</Body1> : null}
      <div className={styles.buttons}>
        <Button appearance="subtle" size="small" icon={<FreeTimesIcon />} aria-expanded={open === 'freeTimes'} onClick={() => toggle('freeTimes')}>
          {t('freetimes.heading')}
        </Button>
      </div>
      {said ? (
        <Notice intent="success" role="status">
          {said}
        </Notice>
      ) : null}
      {open === 'freeTimes' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <LazyInsertFreeTimes
            loadCalendar={loadCalendar}
            recipients={recipientsOf(item, results)}
            insert={insert}
            onDone={() => {
              setOpen(null);
              setSaid(t('freetimes.inserted'));
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
