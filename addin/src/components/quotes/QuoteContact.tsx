import { Body1, Caption1, Field, Link, Select, makeStyles, tokens } from '@fluentui/react-components';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useRecord } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';

// Whom a quote is addressed to: one of its deal's contacts, chosen in a draft and named on a quote that no longer
// changes. Names are read through the pane's cache of records (the deal's contacts are often there already).
// The name opens the contact through the pane's navigation with Fluent's Link, not the card's RecordLink: importing
// that here would split it out of the first card's chunk into one of its own, past the first card's budget.

const useStyles = makeStyles({
  // A native list is as wide as its longest option: held to the pane, the chosen one cut with an ellipsis.
  select: { width: '100%', minWidth: 0, '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } },
  named: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground2 },
});

/** A contact's name as the pane has it: their name, "Loading…", or that they are gone or not the rep's to see. */
function useContactName(id: string): string {
  const { t } = useI18n();
  const contact = useRecord('contact', id);
  if (contact.data) return contactDisplayName(contact.data);
  return contact.isError ? t('record.unavailable') : t('app.loading');
}

function ContactOption({ id }: { id: string }) {
  return <option value={id}>{useContactName(id)}</option>;
}

export type QuoteContactChoiceProps = {
  dealId: string;
  /** The contact chosen ('' for none). */
  value: string;
  /** The contact the quote is saved with: offered even when the deal no longer has them. */
  saved: string | undefined;
  problem: string | undefined;
  onChange: (contactId: string) => void;
};

/** The contact a draft is addressed to, chosen among its deal's contacts (or none). */
export function QuoteContactChoice({ dealId, value, saved, problem, onChange }: QuoteContactChoiceProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const deal = useRecord('deal', dealId);
  const choices = [...new Set([...(deal.data?.contactIds ?? []), ...(saved ? [saved] : []), ...(value ? [value] : [])])];
  return (
    <Field
      label={t('quotes.field.contact')}
      hint={deal.data && deal.data.contactIds.length === 0 ? t('quotes.field.contactNone') : undefined}
      validationMessage={problem ?? (deal.isError ? t('quotes.field.contactUnavailable') : undefined)}
      validationState={problem ? 'error' : deal.isError ? 'warning' : 'none'}
    >
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('quotes.field.noContact')}</option>
        {choices.map((id) => (
          <ContactOption key={id} id={id} />
        ))}
      </Select>
    </Field>
  );
}

/** The contact a quote is addressed to, by name, opening their record. */
export function QuoteContactName({ id }: { id: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const name = useContactName(id);
  const openRecord = useOpenRecord();
  return (
    <div className={styles.named}>
      <Caption1 className={styles.label}>{t('quotes.field.contact')}</Caption1>
      <Body1>
        <Link as="button" onClick={() => openRecord({ kind: 'contact', id })}>
          {name}
        </Link>
      </Body1>
    </div>
  );
}
