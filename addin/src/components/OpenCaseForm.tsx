import { useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Case } from '@rapport/shared';
import { casePriorities, caseTypes } from '@rapport/shared/cases/case-kinds';
import { useCreateRecord } from '../data/writes';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Type and priority side by side while they fit, one under the other when they do not.
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  choice: { flexGrow: 1, flexBasis: '8rem', minWidth: 0 },
  heading: { margin: 0 },
});

export type OpenCaseFormProps = {
  /** The e-mail's subject: the case's subject until the rep changes it. */
  subject: string;
  contactId: string;
  companyId?: string | undefined;
  onOpened: (opened: Case) => void;
  onCancel: () => void;
};

/** A service case from the open e-mail, opened from the card's actions: for the person who wrote it, with its type and priority. */
export function OpenCaseForm({ subject: initialSubject, contactId, companyId, onOpened, onCancel }: OpenCaseFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const [subject, setSubject] = useState(initialSubject);
  const [type, setType] = useState<Case['type']>('question');
  const [priority, setPriority] = useState<Case['priority']>('normal');
  // Keeps its idempotency key until a case is opened: a double click or a retry opens one case.
  const create = useCreateRecord('case');

  const fields = create.error ? errorText(create.error).fields : {};
  const save = () => {
    if (subject.trim() === '') return;
    create.mutate({ input: { subject: subject.trim(), type, priority, contactId, ...(companyId ? { companyId } : {}) } }, { onSuccess: onOpened });
  };
  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('case.open')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {t('case.open')}
      </Subtitle2>
      <Field label={t('field.subject')} required validationMessage={subject.trim() === '' ? t('field.required') : fields.subject}>
        <Input value={subject} onChange={(_, data) => setSubject(data.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.choice} label={t('case.type')} validationMessage={fields.type}>
          <Select value={type} onChange={(_, data) => setType(data.value as Case['type'])}>
            {caseTypes.map((value) => (
              <option key={value} value={value}>
                {t(`caseType.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.choice} label={t('case.priority')} validationMessage={fields.priority}>
          <Select value={priority} onChange={(_, data) => setPriority(data.value as Case['priority'])}>
            {casePriorities.map((value) => (
              <option key={value} value={value}>
                {t(`casePriority.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {create.error ? <ErrorMessage error={create.error} onRetry={save} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={create.isPending || subject.trim() === ''}>
          {t('case.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
