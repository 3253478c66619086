import { useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Case } from '@rapport/shared';
import { CASE_DESCRIPTION_MAX, casePriorities, caseTypes } from '@rapport/shared/cases/case-kinds';
import type { EmailToLog } from '../data/card';
import { useOpenCase, type OpeningEmail } from '../data/open-case';
import type { MessageKey } from '../i18n/i18n';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

// What opening a case says, by where the e-mail that opened it went.
const notices: Record<OpeningEmail, MessageKey> = { none: 'case.opened', logged: 'capture.caseWithEmail', linked: 'capture.caseWithEmail', elsewhere: 'capture.caseEmailElsewhere' };

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
  /** The e-mail the case is opened from: logged with it (or its earlier log linked), so the case's timeline shows it. */
  email?: EmailToLog | null;
  /** Opened: what to tell the rep ("Case #12 is open, with this e-mail on its timeline."), and the case. */
  onOpened: (notice: string, opened: Case) => void;
  onCancel: () => void;
};

/**
 * A service case from the open e-mail, opened from the card's actions: for the person who wrote it, with its description,
 * type and priority; the e-mail goes on the case's timeline.
 */
export function OpenCaseForm({ subject: initialSubject, contactId, companyId, email = null, onOpened, onCancel }: OpenCaseFormProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const [subject, setSubject] = useState(initialSubject);
  const [type, setType] = useState<Case['type']>('question');
  const [priority, setPriority] = useState<Case['priority']>('normal');
  const [description, setDescription] = useState('');
  // Keeps its idempotency key until the case is open with its e-mail: a double click or a retry opens one case.
  const create = useOpenCase();

  const fields = create.error ? errorText(create.error).fields : {};
  const save = () => {
    if (subject.trim() === '' || description.length > CASE_DESCRIPTION_MAX || create.isPending) return;
    const input = { subject: subject.trim(), type, priority, contactId, ...(companyId ? { companyId } : {}), ...(description.trim() ? { description: description.trim() } : {}) };
    create.mutate({ input, email }, { onSuccess: (opened) => onOpened(t(notices[opened.email], { number: opened.case.number }), opened.case) });
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
      <Field label={t('capture.description')} validationMessage={description.length > CASE_DESCRIPTION_MAX ? t('error.field.tooLong') : fields.description}>
        <Textarea value={description} resize="vertical" onChange={(_, data) => setDescription(data.value)} />
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
        <Button appearance="primary" type="submit" disabled={create.isPending || subject.trim() === '' || description.length > CASE_DESCRIPTION_MAX}>
          {t('case.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
