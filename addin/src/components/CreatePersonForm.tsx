import { useMemo, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Company } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { splitDisplayName } from '@rapport/shared/email/email-address.rules';
import { ApiError, type ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export type CreatePersonFormProps = {
  api: ApiClient;
  email: string;
  displayName: string | null;
  /** The company the address's domain matched (never for free-mail addresses). */
  company: Company | null;
  onCreated: (name: string) => void;
  /** Show the contact that already has this address instead of creating another. */
  onOpenExisting: () => void;
};

type ExistingContact = { id: string; firstName?: string; lastName: string };

function duplicatesIn(error: unknown): ExistingContact[] | null {
  if (!(error instanceof ApiError) || error.code !== 'CONTACT.DUPLICATE_EMAIL') return null;
  const existing = (error.details as { existing?: ExistingContact[] } | undefined)?.existing;
  return Array.isArray(existing) ? existing : [];
}

/** Adds an unknown sender as a contact (at the matched company) or as a lead, prefilled from the e-mail. */
export function CreatePersonForm({ api, email, displayName, company, onCreated, onOpenExisting }: CreatePersonFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const prefill = useMemo(() => (displayName ? splitDisplayName(displayName) : { lastName: '' }), [displayName]);
  const [kind, setKind] = useState<'contact' | 'lead'>('contact');
  const [firstName, setFirstName] = useState(prefill.firstName ?? '');
  const [lastName, setLastName] = useState(prefill.lastName);
  const [title, setTitle] = useState('');
  const [companyName, setCompanyName] = useState(company?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<ExistingContact[] | null>(null);
  // One key per form: a double click or a retry creates one record.
  const [idempotencyKey] = useState(() => `create:${email}:${crypto.randomUUID()}`);
  const lastNameMissing = lastName.trim() === '';

  const save = async (allowDuplicate = false) => {
    if (lastNameMissing) return;
    setBusy(true);
    setError(null);
    setDuplicates(null);
    try {
      const names = { ...(firstName.trim() ? { firstName: firstName.trim() } : {}), lastName: lastName.trim() };
      if (kind === 'contact') {
        await api.createContact(
          { ...names, emails: [email], ...(title.trim() ? { title: title.trim() } : {}), ...(company ? { companyId: company.id } : {}) },
          idempotencyKey,
          { allowDuplicate },
        );
      } else {
        await api.createLead(
          { ...names, email, source: 'email', ...(companyName.trim() ? { companyName: companyName.trim() } : {}) },
          idempotencyKey,
        );
      }
      onCreated([names.firstName, names.lastName].filter(Boolean).join(' '));
    } catch (caught) {
      const existing = duplicatesIn(caught);
      if (existing) setDuplicates(existing);
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-label={t('create.heading', { email })}
    >
      <Subtitle2 as="h2">{t('create.heading', { email })}</Subtitle2>
      <Field label={t('create.kind')}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, data) => setKind(data.value as 'contact' | 'lead')}>
          <Radio value="contact" label={t('create.asContact')} />
          <Radio value="lead" label={t('create.asLead')} />
        </RadioGroup>
      </Field>
      <Field label={t('field.firstName')}>
        <Input value={firstName} onChange={(_, data) => setFirstName(data.value)} />
      </Field>
      <Field label={t('field.lastName')} required validationMessage={lastNameMissing ? t('field.required') : undefined}>
        <Input value={lastName} onChange={(_, data) => setLastName(data.value)} />
      </Field>
      {kind === 'contact' ? (
        <>
          <Field label={t('field.title')}>
            <Input value={title} onChange={(_, data) => setTitle(data.value)} />
          </Field>
          {company ? <span>{t('create.companyMatched', { company: company.name })}</span> : null}
        </>
      ) : (
        <Field label={t('field.companyName')}>
          <Input value={companyName} onChange={(_, data) => setCompanyName(data.value)} />
        </Field>
      )}
      {error ? <ErrorMessage message={error} /> : null}
      {duplicates ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('create.duplicateTitle')}</MessageBarTitle>
            {t('create.duplicate', {
              names: duplicates.map(contactDisplayName).join(', '),
              email,
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onOpenExisting}>{t('create.openExisting')}</Button>
            <Button onClick={() => void save(true)} disabled={busy}>
              {t('create.saveAnyway')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || lastNameMissing}>
          {kind === 'contact' ? t('create.contact') : t('create.lead')}
        </Button>
      </div>
    </form>
  );
}
