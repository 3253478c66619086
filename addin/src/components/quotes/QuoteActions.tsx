import { useState } from 'react';
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, DocumentEditRegular, MailRegular } from '@fluentui/react-icons';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useNewQuote, useQuotePdf, useSendQuote } from '../../data/quotes';
import { useI18n } from '../../i18n/I18nContext';
import { saveFile } from '../documents/save-file';
import { ErrorMessage } from '../ErrorMessage';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
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

export type QuoteActionsProps = {
  quote: Quote;
  canEdit: boolean;
  /** A draft's unsaved changes: saved before it is sent (null when that failed, and nothing is sent). */
  saveFirst?: { dirty: boolean; save: () => Promise<Quote | null> };
  /** Send is the view's main action (the draft is saved). */
  primary: boolean;
  onSent: (quote: Quote) => void;
  onNewVersion: (quote: Quote) => void;
};

/**
 * What is done with a quote besides changing it: Send a draft (after the rep confirms; their changes saved first), its
 * PDF through the API with the user's token, and a new version of a sent or declined one.
 */
export function QuoteActions({ quote, canEdit, saveFirst, primary, onSent, onNewVersion }: QuoteActionsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const send = useSendQuote();
  const pdf = useQuotePdf();
  const version = useNewQuote();
  const [confirming, setConfirming] = useState(false);
  const reference = quoteReference(quote);

  const sendNow = async () => {
    const saved = saveFirst?.dirty ? await saveFirst.save() : quote;
    if (!saved) {
      setConfirming(false);
      return;
    }
    send.mutate(saved, {
      onSuccess: (sent) => {
        setConfirming(false);
        onSent(sent as Quote);
      },
    });
  };
  const download = () => pdf.mutate(quote, { onSuccess: (blob) => saveFile(blob, `${reference}.pdf`) });
  const newVersion = () => void version.make(quote.dealId, quote.id).then(onNewVersion, () => undefined);
  const revisable = canEdit && (quote.status === 'sent' || quote.status === 'declined');

  return (
    <div className={styles.actions}>
      {confirming ? (
        <div className={styles.question} role="group" aria-label={t('quotes.send')}>
          <Body1>
            {t('quotes.sendConfirm', { reference })}
            {saveFirst?.dirty ? ` ${t('quotes.sendSavesFirst')}` : ''}
          </Body1>
          <div className={styles.buttons}>
            <Button appearance="primary" icon={<MailRegular />} disabled={send.isPending} onClick={() => void sendNow()}>
              {send.isPending ? t('quotes.sending') : t('quotes.sendConfirmButton')}
            </Button>
            <Button disabled={send.isPending} onClick={() => setConfirming(false)}>
              {t('quotes.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {send.error ? <ErrorMessage error={send.error} onRetry={() => void sendNow()} /> : null}
      {pdf.error ? <ErrorMessage error={pdf.error} title={t('quotes.pdfFailed')} onRetry={download} /> : null}
      {version.error ? <ErrorMessage error={version.error} onRetry={newVersion} /> : null}
      <div className={styles.buttons}>
        {quote.status === 'draft' && canEdit && !confirming ? (
          <Button
            appearance={primary ? 'primary' : 'secondary'}
            icon={<MailRegular />}
            onClick={() => {
              send.reset();
              setConfirming(true);
            }}
          >
            {t('quotes.send')}
          </Button>
        ) : null}
        {revisable ? (
          <Button appearance="primary" icon={<DocumentEditRegular />} disabled={version.isPending} onClick={newVersion}>
            {t('quotes.newVersion')}
          </Button>
        ) : null}
        <Button icon={<ArrowDownRegular />} disabled={pdf.isPending} onClick={download}>
          {t('quotes.pdf')}
        </Button>
      </div>
    </div>
  );
}
