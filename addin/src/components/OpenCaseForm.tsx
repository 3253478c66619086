import { useState } from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Case } from '@rapport/shared';
import { casePriorities, caseTypes } from '@rapport/shared/cases/case-kinds';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type OpenCaseFormProps = {
  api: ApiClient;
  /** The e-mail's subject: the case's subject until the rep changes it. */
  subject: string;
  contactId: string;
  companyId?: string | undefined;
  onOpened: (opened: Case) => void;
};

/** A service case from the open e-mail: for the person who wrote it, with its type and priority. */
export function OpenCaseForm({ api, subject: initialSubject, contactId, companyId, onOpened }: OpenCaseFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState(initialSubject);
  const [type, setType] = useState<Case['type']>('question');
  const [priority, setPriority] = useState<Case['priority']>('normal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per form: a double click or a retry opens one case.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  if (!open) return <Button onClick={() => setOpen(true)}>{t('case.open')}</Button>;
  const save = async () => {
    if (subject.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const opened = await api.createCase({ subject: subject.trim(), type, priority, contactId, ...(companyId ? { companyId } : {}) }, idempotencyKey);
      setOpen(false);
      setIdempotencyKey(crypto.randomUUID());
      onOpened(opened);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={t('case.open')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label={t('field.subject')} required validationMessage={subject.trim() === '' ? t('field.required') : undefined}>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('case.type')}>
          <Select value={type} onChange={(_, data) => setType(data.value as Case['type'])}>
            {caseTypes.map((value) => (
              <option key={value} value={value}>
                {t(`caseType.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('case.priority')}>
          <Select value={priority} onChange={(_, data) => setPriority(data.value as Case['priority'])}>
            {casePriorities.map((value) => (
              <option key={value} value={value}>
                {t(`casePriority.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {error ? <ErrorMessage message={error} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy || subject.trim() === ''}>
          {t('case.save')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
