import { useState } from 'react';
import { Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, SaveRegular } from '@fluentui/react-icons';
import { memberLanguages, type MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { minorDigits } from '@rapport/shared/money/money.rules';
import type { Quote } from '@rapport/shared/quotes/quote.schema';
import { QUOTE_LINE_DESCRIPTION_MAX, QUOTE_NOTES_MAX, QUOTE_TERMS_MAX } from '@rapport/shared/quotes/quote.rules';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';
import { ChangeError } from '../ChangeError';
import { Notice } from '../Notice';
import { DeleteDraft } from './DeleteDraft';
import type { DraftProblem } from './quote-draft';
import { QuoteActions } from './QuoteActions';
import { QuoteContactChoice } from './QuoteContact';
import { QuoteLineEditor } from './QuoteLineEditor';
import { QuoteTotalsView } from './QuoteTotalsView';
import { useQuoteEditor } from './useQuoteEditor';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  // Two fields side by side: each takes half of what the pane leaves, their inputs level when a label wraps.
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  // A native list is as wide as its longest option: held to its cell, the chosen one cut with an ellipsis.
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

export type QuoteEditorProps = {
  quote: Quote;
  /** The tenant's tax rates, offered on every line (a rate may also be typed). */
  taxRates: readonly { name: string; percent: number }[];
  /** The rate a new line starts with. */
  defaultTaxPercent: number;
  /** Reads the quote again (after someone else changed it first). */
  reload: () => void;
  onSent: (quote: Quote) => void;
  onNewVersion: (quote: Quote) => void;
  /** The draft was deleted (given as it was). */
  onDeleted: (quote: Quote) => void;
};

/**
 * A draft quote, changed in the pane: the contact it is addressed to (one of the deal's), its lines (name, description,
 * quantity, unit price, discount, tax from the tenant's rates or typed), the discount on the whole quote, validity, the
 * customer's language, currency, payment terms and notes. The totals follow as the rep types, by the server's own
 * arithmetic; Save sends the changes at the version read. Delete draft removes it, after the rep confirms.
 */
export function QuoteEditor({ quote, taxRates, defaultTaxPercent, reload, onSent, onNewVersion, onDeleted }: QuoteEditorProps) {
  const styles = useStyles();
  const translator = useI18n();
  const { t } = translator;
  const editor = useQuoteEditor(quote);
  const { draft } = editor;
  const { currencies } = useTenantCurrencies(quote.currency);
  const [saved, setSaved] = useState(false);
  // While the rep is asked whether to delete the draft, that question holds the view's one primary action.
  const [deleting, setDeleting] = useState(false);
  const problemText = (problem: DraftProblem | undefined): string | undefined => {
    if (problem === undefined) return undefined;
    if (problem === 'decimals') return t('quotes.problem.decimals', { currency: draft.currency, digits: minorDigits(draft.currency) });
    if (problem === 'description') return t('quotes.problem.description', { max: new Intl.NumberFormat(translator.locale).format(QUOTE_LINE_DESCRIPTION_MAX) });
    return t(`quotes.problem.${problem}`);
  };
  // The draft's own check first; else what the API said of the field.
  const problemAt = (path: string) => problemText(editor.problems[path]) ?? editor.apiFields[path];

  // At the version read, or at the latest after someone else's change ("Apply mine again").
  const save = async (version?: number) => {
    setSaved(false);
    if (await editor.save(version)) setSaved(true);
  };

  return (
    <form
      className={styles.form}
      aria-label={t('quotes.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <QuoteContactChoice
        dealId={quote.dealId}
        value={draft.contactId}
        saved={quote.contactId}
        problem={problemAt('contactId')}
        onChange={(contactId) => {
          setSaved(false);
          editor.edit({ contactId });
        }}
      />
      <ul className={styles.lines} aria-label={t('quotes.lines')}>
        {draft.lines.map((line, index) => (
          <li key={line.key}>
            <QuoteLineEditor
              line={line}
              index={index}
              currency={draft.currency}
              taxRates={taxRates}
              totals={editor.totals?.lines[index]}
              problemAt={problemAt}
              onChange={(patch) => {
                setSaved(false);
                editor.editLine(index, patch);
              }}
              onRemove={() => editor.removeLine(index)}
            />
          </li>
        ))}
      </ul>
      {draft.lines.length === 0 ? <Caption1>{t('quotes.noLines')}</Caption1> : null}
      <div>
        <Button icon={<AddRegular />} onClick={() => editor.addLine(defaultTaxPercent)}>
          {t('quotes.addLine')}
        </Button>
      </div>
      <div className={styles.pair}>
        <Field label={t('quotes.field.overallDiscount')} validationMessage={problemAt('discountPercent')}>
          <Input className={styles.input} inputMode="decimal" value={draft.discountPercent} onChange={(_, data) => editor.edit({ discountPercent: data.value })} />
        </Field>
        <Field label={t('quotes.field.validUntil')} validationMessage={problemAt('validUntil')}>
          <Input className={styles.input} type="date" value={draft.validUntil} onChange={(_, data) => editor.edit({ validUntil: data.value })} />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t('quotes.field.language')} validationMessage={problemAt('language')}>
          <Select className={styles.select} value={draft.language} onChange={(_, data) => editor.edit({ language: data.value as MemberLanguage })}>
            {memberLanguages.map((language) => (
              <option key={language} value={language}>
                {t(`value.contact.language.${language}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('quotes.field.currency')} validationMessage={problemAt('currency')}>
          <Select className={styles.select} value={draft.currency} onChange={(_, data) => editor.edit({ currency: data.value })}>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('quotes.field.paymentTerms')} validationMessage={problemAt('paymentTerms')}>
        <Textarea resize="vertical" maxLength={QUOTE_TERMS_MAX} value={draft.paymentTerms} onChange={(_, data) => editor.edit({ paymentTerms: data.value })} />
      </Field>
      <Field label={t('quotes.field.notes')} validationMessage={problemAt('notes')}>
        <Textarea resize="vertical" maxLength={QUOTE_NOTES_MAX} value={draft.notes} onChange={(_, data) => editor.edit({ notes: data.value })} />
      </Field>
      {editor.totals ? <QuoteTotalsView totals={editor.totals} discountPercent={parseAmount(draft.discountPercent, translator.locale) ?? 0} currency={draft.currency} /> : null}
      {editor.checked && !editor.valid ? <Notice intent="warning">{t('quotes.problem.fix')}</Notice> : null}
      {editor.error ? (
        <ChangeError
          error={editor.error}
          onRetry={editor.retry}
          onReload={() => {
            // The quote as it is now; what the rep typed stays, to save again at the new version.
            editor.reset();
            reload();
          }}
          onApplyAgain={(version) => void save(version)}
          myFields={editor.sentFields}
        />
      ) : null}
      {saved && !editor.dirty ? <Notice intent="success">{t('quotes.saved')}</Notice> : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance={editor.dirty && !deleting ? 'primary' : 'secondary'} icon={<SaveRegular />} disabled={editor.saving}>
          {editor.saving ? t('quotes.saving') : t('quotes.save')}
        </Button>
        {editor.dirty ? <Caption1 className={styles.unsaved}>{t('quotes.unsaved')}</Caption1> : null}
      </div>
      <QuoteActions
        quote={quote}
        canEdit
        primary={!editor.dirty && !deleting}
        saveFirst={{ dirty: editor.dirty, save: () => editor.save() }}
        onSent={onSent}
        onNewVersion={onNewVersion}
      />
      <DeleteDraft quote={quote} dirty={editor.dirty} reload={reload} confirming={deleting} onConfirming={setDeleting} onDeleted={onDeleted} />
    </form>
  );
}
