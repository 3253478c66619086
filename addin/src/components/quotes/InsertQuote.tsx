import { useEffect, useId, useRef, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useMutation } from '@tanstack/react-query';
import { useOpenQuotesOf, usePublicQuoteUrl, useQuotePdf, useSendQuote } from '../../data/quotes';
import { useI18n } from '../../i18n/I18nContext';
import { base64Of, draftAttachments, type DraftAttachments } from '../../office/draft-attachment';
import { ErrorMessage } from '../ErrorMessage';
import { quoteDetail, quoteSummary } from './quote-state';
import { quoteEmail, type QuoteEmail } from './quote-email';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Each choice wraps under its radio rather than running past the pane.
  choices: { minWidth: 0, '& .fui-Radio': { alignItems: 'flex-start', minWidth: 0 }, '& .fui-Radio__label': { minWidth: 0, overflowWrap: 'anywhere' } },
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
});

/** A deal the message is about: one of its recipients' open deals. */
export type InsertQuoteDeal = { id: string; name: string };

export type InsertQuoteProps = {
  /** The recipients' open deals, whose open quotes are offered. */
  deals: readonly InsertQuoteDeal[];
  /** Puts the message at the cursor of the draft, through Outlook. */
  insert: (content: QuoteEmail) => Promise<unknown>;
  /** Attaches the PDF to the draft, through Outlook (tests give their own). */
  attachments?: DraftAttachments;
  /** Inserted: what to tell the rep, and whether all went (the PDF may not have). */
  onDone: (notice: string, intent: 'success' | 'warning') => void;
};

/**
 * "Insert quote" in a message being written: one of the open quotes (drafts and sent ones) of the recipients' deals,
 * put at the cursor as a short message in the quote's own language with the link to its page, and its PDF attached
 * if the rep wants. A draft is sent first, once the rep has said so: the link exists only for a sent quote.
 */
export function InsertQuote({ deals, insert, attachments = draftAttachments, onDone }: InsertQuoteProps) {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const quotes = useOpenQuotesOf(deals.map((deal) => deal.id));
  const [chosenId, setChosenId] = useState<string | null>(null);
  const canAttach = attachments.supported();
  const [attach, setAttach] = useState(canAttach);
  const [confirming, setConfirming] = useState(false);
  const job = useInsertQuote(insert, attachments);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const labelId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const items = quotes.data ?? [];
  const chosen = items.find((quote) => quote.id === chosenId) ?? items[0];
  const dealName = (quote: Quote) => deals.find((deal) => deal.id === quote.dealId)?.name ?? '';
  const now = new Date();

  const run = (quote: Quote) =>
    job.mutate(
      { quote, dealName: dealName(quote), attach: attach && canAttach },
      {
        onSuccess: ({ attached }) => {
          setConfirming(false);
          if (attached === 'failed') onDone(t('quotes.insert.attachFailed'), 'warning');
          else onDone(t(attached ? 'quotes.insertedWithPdf' : 'quotes.inserted'), 'success');
        },
      },
    );

  return (
    <section className={styles.view} aria-labelledby={labelId}>
      <h2 ref={headingRef} id={labelId} tabIndex={-1} className={styles.heading}>
        {t('quotes.insert.heading')}
      </h2>
      {deals.length === 0 ? <Body1>{t('quotes.insert.noDeals')}</Body1> : null}
      {deals.length > 0 && quotes.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {quotes.isError ? <ErrorMessage error={quotes.error} onRetry={() => void quotes.refetch()} /> : null}
      {quotes.isSuccess && items.length === 0 ? <Body1>{t('quotes.insert.none')}</Body1> : null}
      {chosen ? (
        <>
          <RadioGroup className={styles.choices} aria-label={t('quotes.insert.choose')} value={chosen.id} onChange={(_, data) => setChosenId(data.value)}>
            {items.map((quote) => (
              <Radio
                key={quote.id}
                value={quote.id}
                disabled={job.isPending}
                label={
                  <span className={styles.choice}>
                    <span>{quoteSummary(translator, quote, now)}</span>
                    <Caption1 className={styles.meta}>{`${dealName(quote)} · ${quoteDetail(translator, quote, items, now)}`}</Caption1>
                  </span>
                }
              />
            ))}
          </RadioGroup>
          <Caption1 className={styles.meta}>{t('quotes.insert.language', { language: t(`value.contact.language.${chosen.language}`) })}</Caption1>
          <Checkbox checked={attach && canAttach} disabled={!canAttach || job.isPending} label={t('quotes.insert.attach')} onChange={(_, data) => setAttach(data.checked === true)} />
          {!canAttach ? <Caption1 className={styles.meta}>{t('quotes.insert.attachUnavailable')}</Caption1> : null}
          {job.error ? <ErrorMessage error={job.error} onRetry={() => run(chosen)} /> : null}
          {confirming && chosen.status === 'draft' ? (
            <div className={styles.question} role="group" aria-label={t('quotes.insert.sendAndInsert')}>
              <Body1>{t('quotes.insert.sendFirst', { reference: quoteReference(chosen) })}</Body1>
              <div className={styles.buttons}>
                <Button appearance="primary" disabled={job.isPending} onClick={() => run(chosen)}>
                  {job.isPending ? t('quotes.insert.inserting') : t('quotes.insert.sendAndInsert')}
                </Button>
                <Button disabled={job.isPending} onClick={() => setConfirming(false)}>
                  {t('quotes.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                disabled={job.isPending}
                onClick={() => {
                  job.reset();
                  if (chosen.status === 'draft') setConfirming(true);
                  else run(chosen);
                }}
              >
                {job.isPending ? t('quotes.insert.inserting') : t('quotes.insert.button')}
              </Button>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}

/**
 * The steps of one insert: the quote sent if it is a draft (its link exists from then on), the message at the cursor,
 * then its PDF read through the API and attached. A PDF that cannot be attached leaves the message in: it is said.
 */
function useInsertQuote(insert: InsertQuoteProps['insert'], attachments: DraftAttachments) {
  const send = useSendQuote();
  const pdf = useQuotePdf();
  const linkOf = usePublicQuoteUrl();
  return useMutation({
    mutationFn: async ({ quote, dealName, attach }: { quote: Quote; dealName: string; attach: boolean }): Promise<{ attached: boolean | 'failed' }> => {
      const sent = quote.status === 'draft' || !quote.publicKey ? ((await send.mutateAsync(quote)) as Quote) : quote;
      await insert(quoteEmail(sent, dealName, linkOf(sent.publicKey ?? '')));
      if (!attach) return { attached: false };
      try {
        const bytes = await pdf.mutateAsync(sent);
        await attachments.attach({ name: `${quoteReference(sent)}.pdf`, base64: await base64Of(bytes) });
        return { attached: true };
      } catch {
        return { attached: 'failed' };
      }
    },
  });
}
