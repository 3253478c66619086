import { Suspense, useEffect } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { LookupResponse } from '@rapport/shared';
import { useCalendarLoader } from '../data/ApiProvider';
import { useLogEmail } from '../data/card';
import { emailActivity } from '../data/email-activity';
import type { MailItem } from '../office/mail-item';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// Following the logged e-mail's thread: loaded with the first logged e-mail, not with the card.
const ThreadFollow = lazyWithMessages(() => import('./threads/ThreadFollow'), 'ThreadFollow');

const useStyles = makeStyles({
  // It stands first in the card's row of actions: what it says, and a failure, take the row's whole width.
  line: { flexBasis: '100%', minWidth: 0 },
  logged: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteGreenForeground1 },
});

export type LogEmailButtonProps = {
  item: MailItem;
  /** The lookup of the e-mail's people: whom it is logged to, and whether it already is. */
  lookup: LookupResponse;
  /** The body excerpt to keep with the log (may fail: the e-mail is logged without it). */
  readBody: () => Promise<string>;
  /** Primary where it is what the view is for (a customer's e-mail); secondary beside another view's primary action. */
  appearance?: 'primary' | 'secondary';
};

/**
 * Logs the open e-mail to every matched contact (else to the sender's lead) in one click; once logged, says so and when. The card, timeline and
 * counters show the log by being read again after the write (data/card.ts), not by this button.
 */
export function LogEmailButton({ item, lookup, readBody, appearance = 'primary' }: LogEmailButtonProps) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const logging = useLogEmail();
  const logged = lookup.loggedActivity ?? (logging.data && 'activity' in logging.data ? logging.data.activity : null);
  const Logged = actionIcons.logged;
  // Logged (before, or now): the message gets Outlook's "Logged to Rapport" category, by code loaded only then.
  const loadCalendar = useCalendarLoader();
  const isLogged = Boolean(logged ?? logging.data);
  useEffect(() => {
    if (!isLogged || !loadCalendar) return;
    import('../data/logged-category').then(({ markOpenMessageLogged }) => markOpenMessageLogged(loadCalendar)).catch(() => undefined);
  }, [isLogged, loadCalendar]);
  const said = (text: string) => (
    <Caption1 role="status" className={mergeClasses(styles.line, styles.logged)}>
      <Logged aria-hidden />
      {text}
    </Caption1>
  );
  if (logged) {
    return (
      <>
        {said(t('log.logged', { date: dateTime(logged.createdAt) }))}
        {logged.conversationId ? (
          <Suspense fallback={null}>
            <ThreadFollow activity={logged} thread={lookup.followedThread ?? null} />
          </Suspense>
        ) : null}
      </>
    );
  }
  // A colleague logged it first: that is the outcome the rep wanted (the lookup, read again, says when).
  if (logging.data) return said(t('log.alreadyLogged'));

  const contacts = lookup.results.flatMap((result) => (result.contact ? [result.contact] : []));
  // A lead's e-mail is logged to the lead when no contact has the address.
  const lead = contacts.length === 0 ? lookup.results.find((result) => result.lead)?.lead : undefined;
  const activity = emailActivity(item, lead ? { leadId: lead.id } : { contactIds: contacts.map((contact) => contact.id), companyId: contacts[0]?.companyId });
  if ((contacts.length === 0 && !lead) || !activity) return null;

  const log = () => logging.mutate({ activity, readSummary: readBody });

  const Icon = actionIcons.log;
  return (
    <>
      <Button appearance={appearance} icon={<Icon />} onClick={log} disabled={logging.isPending}>
        {logging.isPending ? t('log.logging') : t('log.button')}
      </Button>
      {/* Retry sends the same key (the message id): a log that did reach the API is not made twice. */}
      {logging.error ? (
        <div className={styles.line}>
          <ErrorMessage error={logging.error} onRetry={() => logging.variables && logging.mutate(logging.variables)} />
        </div>
      ) : null}
    </>
  );
}
