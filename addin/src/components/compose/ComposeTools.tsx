import { Suspense, useMemo, useRef, useState } from 'react';
import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
// Not LinkRegular: the first card's JavaScript grows by 170 bytes with it here (how its icons' modules split).
import { BookQuestionMarkRegular, CalendarClockRegular, CursorClickRegular, DocumentTextRegular, TagRegular } from '@fluentui/react-icons';
import type { LookupResult } from '@rapport/shared';
import type { TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';
import type { CalendarLoader } from '../../data/calendar';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import type { ComposeContent } from '../../office/compose-item';
import { draftLogChoiceStore, type LogChoiceStore } from '../../office/draft-log-choice';
import type { MailItem } from '../../office/mail-item';
import { nextFreeTimesText } from '../free-times/free-times-text';
import { LazyInsertFreeTimes } from '../free-times/LazyInsertFreeTimes';
import { Notice } from '../Notice';
import { LazyInsertTemplate } from '../templates/LazyInsertTemplate';
import { LogOnSend } from './LogOnSend';
import { recipientsOf } from './compose-recipients';
import { templateValuesOf } from './template-values';

// The quotes' views come when the rep first inserts one.
const InsertQuote = lazyWithMessages(() => import('../quotes/QuoteViews'), 'InsertQuote');
// Knowledge articles, the Markdown renderer and the HTML sanitizer come when the rep first inserts an article.
const InsertArticle = lazyWithMessages(() => import('../knowledge/InsertArticle'), 'InsertArticle');
// Campaigns' tracked links come when the rep first inserts one.
const InsertLink = lazyWithMessages(() => import('../links/InsertLink'), 'InsertLink');

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
  /** The recipient whose card the pane shows: a template is filled for them. */
  selected: LookupResult | undefined;
  /** The CRM owners' names, by member id (the lookup's). */
  owners: Readonly<Record<string, { displayName: string }>>;
  loadCalendar: CalendarLoader;
  /** Puts content into the draft at the cursor, through Outlook. */
  insert: (content: ComposeContent) => Promise<{ subjectSet: boolean }>;
  /** Where Log on send's choice is kept: the open draft, through Outlook (tests give their own). */
  logChoices?: LogChoiceStore;
};

type Tool = 'template' | 'freeTimes' | 'quote' | 'article' | 'link';

/**
 * What the pane offers in a message being written, above the recipients' cards: Log on send, a template filled for the
 * recipient in view, free times, a quote of the recipients' deals, a knowledge article that answers the customer, and a
 * campaign's tracked link.
 * One tool open at a time (the card stays below). Loaded only in compose windows.
 */
export function ComposeTools({ item, results, selected, owners, loadCalendar, insert, logChoices = draftLogChoiceStore }: ComposeToolsProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const recipients = recipientsOf(item, results, selected?.email ?? undefined);
  const recipientsKey = JSON.stringify(recipients);
  // One function per set of recipients: the picker caches the times it reads per function and language.
  const freeTimes = useMemo(
    () => async (language: TemplateLanguage) => (await nextFreeTimesText(await loadCalendar(), recipients, { locale: language })).text,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [loadCalendar, recipientsKey],
  );
  const [open, setOpen] = useState<Tool | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [saidIntent, setSaidIntent] = useState<'success' | 'warning'>('success');
  const freeTimesButton = useRef<HTMLButtonElement>(null);
  const quoteButton = useRef<HTMLButtonElement>(null);
  const articleButton = useRef<HTMLButtonElement>(null);
  const linkButton = useRef<HTMLButtonElement>(null);
  // The customer the message answers: the recipient in view when the CRM knows them, else the first it knows.
  const customer = selected?.contact ? selected : results.find((result) => result.contact);
  // The deals the message is about: every recipient's open deals, each once.
  const deals = [...new Map(results.flatMap((result) => result.openDeals).map((deal) => [deal.id, { id: deal.id, name: deal.name }])).values()];
  const toggle = (tool: Tool) => {
    setSaid(null);
    setOpen((current) => (current === tool ? null : tool));
  };
  return (
    <section className={styles.tools} aria-label={t('compose.tools')}>
      {item.participants.length === 0 ? (
        <Body1 className={styles.hint}>{t('compose.noRecipients')}</Body1>
      ) : (
        <LogOnSend itemKey={item.key} store={logChoices} results={results} selected={selected} />
      )}
      <div className={styles.buttons}>
        <Button appearance="subtle" size="small" icon={<DocumentTextRegular />} aria-expanded={open === 'template'} onClick={() => toggle('template')}>
          {t('compose.insertTemplate')}
        </Button>
        <Button ref={freeTimesButton} appearance="subtle" size="small" icon={<CalendarClockRegular />} aria-expanded={open === 'freeTimes'} onClick={() => toggle('freeTimes')}>
          {t('freetimes.heading')}
        </Button>
        <Button ref={quoteButton} appearance="subtle" size="small" icon={<TagRegular />} aria-expanded={open === 'quote'} onClick={() => toggle('quote')}>
          {t('compose.insertQuote')}
        </Button>
        <Button ref={articleButton} appearance="subtle" size="small" icon={<BookQuestionMarkRegular />} aria-expanded={open === 'article'} onClick={() => toggle('article')}>
          {t('compose.insertArticle')}
        </Button>
        <Button ref={linkButton} appearance="subtle" size="small" icon={<CursorClickRegular />} aria-expanded={open === 'link'} onClick={() => toggle('link')}>
          {t('compose.insertLink')}
        </Button>
      </div>
      {said ? (
        <Notice intent={saidIntent} role="status">
          {said}
        </Notice>
      ) : null}
      {open === 'template' ? <LazyInsertTemplate values={templateValuesOf(selected, owners)} freeTimes={freeTimes} insert={insert} language={locale} /> : null}
      {open === 'freeTimes' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <LazyInsertFreeTimes
            loadCalendar={loadCalendar}
            recipients={recipients}
            insert={async (content) => {
              await insert(content);
            }}
            onDone={() => {
              setOpen(null);
              setSaidIntent('success');
              setSaid(t('freetimes.inserted'));
              // The form is gone: the keyboard goes back to the button that opened it.
              setTimeout(() => freeTimesButton.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
      {open === 'quote' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <InsertQuote
            deals={deals}
            insert={insert}
            onDone={(notice, intent) => {
              setOpen(null);
              setSaidIntent(intent);
              setSaid(notice);
              setTimeout(() => quoteButton.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
      {open === 'article' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <InsertArticle
            item={item}
            customer={customer}
            insert={insert}
            onDone={(notice) => {
              setOpen(null);
              setSaidIntent('success');
              setSaid(notice);
              setTimeout(() => articleButton.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
      {open === 'link' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <InsertLink
            insert={insert}
            onDone={(notice) => {
              setOpen(null);
              setSaidIntent('success');
              setSaid(notice);
              setTimeout(() => linkButton.current?.focus(), 0);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
