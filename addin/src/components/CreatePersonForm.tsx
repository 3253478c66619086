import { useMemo, useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Company } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { splitDisplayName } from '@rapport/shared/email/email-address.rules';
import { isApiError } from '../api/api-error';
import { useCreateRecord } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { withTokens } from './with-tokens';
import { Notice } from './Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  // Longer languages put the two choices on two rows rather than break their words.
  choices: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
  choice: { whiteSpace: 'nowrap' },
  heading: { margin: 0 },
  // The address in the heading reads as the heading's object, in body text: it fits the pane more often whole.
  address: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase300 },
});

export type CreatePersonFormProps = {
  email: string;
  displayName: string | null;
  /** The company the address's domain matched (never for free-mail addresses). */
  company: Company | null;
  onCreated: (name: string) => void;
  /** Show the contact that already has this address instead of creating another. */
  onOpenExisting: () => void;
};

type ExistingContact = { id: string; firstName?: string; lastName: string };

/** The contacts a 409 CONTACT.DUPLICATE_EMAIL names (`details.existing`); null for any other error. */
function duplicatesIn(error: unknown): ExistingContact[] | null {
  if (!isApiError(error) || error.code !== 'CONTACT.DUPLICATE_EMAIL') return null;
  const existing = (error.details as { existing?: ExistingContact[] } | undefined)?.existing;
  return Array.isArray(existing) ? existing : [];
}

/** Adds an unknown sender as a contact (at the matched company) or as a lead, prefilled from the e-mail. */
export function CreatePersonForm({ email, displayName, company, onCreated, onOpenExisting }: CreatePersonFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const prefill = useMemo(() => (displayName ? splitDisplayName(displayName) : { lastName: '' }), [displayName]);
  const [kind, setKind] = useState<'contact' | 'lead'>('contact');
  const [firstName, setFirstName] = useState(prefill.firstName ?? '');
  const [lastName, setLastName] = useState(prefill.lastName);
  const [title, setTitle] = useState('');
  const [companyName, setCompanyName] = useState(company?.name ?? '');
  // Each keeps its idempotency key until it succeeds: a double click or a retry creates one record.
  const createContact = useCreateRecord('contact');
  const createLead = useCreateRecord('lead');
  const creating = kind === 'contact' ? createContact : createLead;
  const lastNameMissing = lastName.trim() === '';
  const duplicates = kind === 'contact' ? duplicatesIn(createContact.error) : null;
  const failure = duplicates ? null : creating.error;
  const fields = failure ? errorText(failure).fields : {};

  const save = (allowDuplicate = false) => {
    if (lastNameMissing) return;
    const names = { ...(firstName.trim() ? { firstName: firstName.trim() } : {}), lastName: lastName.trim() };
    const created = { onSuccess: () => onCreated([names.firstName, names.lastName].filter(Boolean).join(' ')) };
    if (kind === 'contact') {
      createContact.mutate(
        {
          input: { ...names, emails: [email], ...(title.trim() ? { title: title.trim() } : {}), ...(company ? { companyId: company.id } : {}) },
          // The rep saw who already has the address and keeps both.
          ...(allowDuplicate ? { options: { duplicates: 'allow' as const } } : {}),
        },
        created,
      );
    } else {
      createLead.mutate({ input: { ...names, email, source: 'email', ...(companyName.trim() ? { companyName: companyName.trim() } : {}) } }, created);
    }
  };
  // Created: the card is read again and shows the new person instead of this form.
  const busy = creating.isPending || creating.isSuccess;

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      aria-label={t('create.heading', { email })}
    >
      <Subtitle2 as="h2" className={styles.heading}>
        {withTokens((markers) => t('create.heading', { email: markers.email ?? '' }), { email }, styles.address)}
      </Subtitle2>
      <Field label={t('create.kind')}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, data) => setKind(data.value as 'contact' | 'lead')}>
          <Radio value="contact" label={t('create.asContact')} />
          <Radio value="lead" label={t('create.asLead')} />
        </RadioGroup>
      </Field>
      <Field label={t('field.firstName')} validationMessage={fields.firstName}>
        <Input value={firstName} onChange={(_, data) => setFirstName(data.value)} />
      </Field>
      <Field label={t('field.lastName')} required validationMessage={lastNameMissing ? t('field.required') : fields.lastName}>
        <Input value={lastName} onChange={(_, data) => setLastName(data.value)} />
      </Field>
      {kind === 'contact' ? (
        <>
          <Field label={t('field.title')} validationMessage={fields.title}>
            <Input value={title} onChange={(_, data) => setTitle(data.value)} />
          </Field>
          {company ? <span>{t('create.companyMatched', { company: company.name })}</span> : null}
        </>
      ) : (
        <Field label={t('field.companyName')} validationMessage={fields.companyName}>
          <Input value={companyName} onChange={(_, data) => setCompanyName(data.value)} />
        </Field>
      )}
      {failure ? <ErrorMessage error={failure} onRetry={() => save(createContact.variables?.options?.duplicates === 'allow')} /> : null}
      {duplicates ? (
        <Notice
          intent="warning"
          title={t('create.duplicateTitle')}
          actionsClassName={styles.choices}
          actions={
            <>
              <Button className={styles.choice} onClick={onOpenExisting}>
                {t('create.openExisting')}
              </Button>
              <Button className={styles.choice} onClick={() => save(true)} disabled={busy}>
                {t('create.saveAnyway')}
              </Button>
            </>
          }
        >
          {withTokens((markers) => t('create.duplicate', { names: duplicates.map(contactDisplayName).join(', '), email: markers.email ?? '' }), { email })}
        </Notice>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={<actionIcons.create />} disabled={busy || lastNameMissing}>
          {kind === 'contact' ? t('create.contact') : t('create.lead')}
        </Button>
      </div>
    </form>
  );
}
