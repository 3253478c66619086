import { Button, Field, Input, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Contract } from '@rapport/shared';
import { CONTRACT_NAME_MAX, CONTRACT_NOTES_MAX } from '@rapport/shared/contracts/contract.rules';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { adminFormStyles } from '../admin-form.styles';
import { ErrorMessage } from '../ErrorMessage';
import { ContractTermsFields } from './ContractTermsFields';
import { useNewContractForm } from './useNewContractForm';

const useStyles = makeStyles({
  // In its tinted box under the company's contracts, as the pane's other new-record forms are.
  form: { ...adminFormStyles.form, gap: tokens.spacingVerticalM, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  heading: { margin: 0 },
  // The two days side by side while they fit, one under the other when they do not.
  dates: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalS, minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type NewContractFormProps = {
  companyId: string;
  /** Saved: the contract as the API stored it (numbered). */
  onCreated: (contract: Contract) => void;
  onCancel: () => void;
};

/**
 * A service contract with the company: its name and days (from today for a year unless changed), what it covers, the
 * service level, how it renews and what it is worth. Each field's problem is said at the field, the API's too; a double
 * click or Retry makes one contract.
 */
export function NewContractForm({ companyId, onCreated, onCancel }: NewContractFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus(onCancel);
  const form = useNewContractForm(companyId, onCreated);
  const { draft, set, message } = form;
  const said = (text: string | undefined) => (text ? { validationState: 'error' as const, validationMessage: text } : {});
  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('newContract.heading')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {t('newContract.heading')}
      </Subtitle2>
      <Field label={t('newContract.name')} hint={t('newContract.nameHint')} required {...said(message('name'))}>
        <Input className={styles.input} value={draft.name} maxLength={CONTRACT_NAME_MAX} onChange={(_, data) => set.name(data.value)} />
      </Field>
      <div className={styles.dates}>
        <Field label={t('newContract.startDate')} required {...said(message('startDate'))}>
          <Input className={styles.input} type="date" value={draft.startDate} onChange={(_, data) => set.startDate(data.value)} />
        </Field>
        <Field label={t('newContract.endDate')} required {...said(message('endDate'))}>
          <Input className={styles.input} type="date" value={draft.endDate} onChange={(_, data) => set.endDate(data.value)} />
        </Field>
      </div>
      <ContractTermsFields draft={draft.terms} onChange={set.terms} messages={form.termsMessages} />
      <Field label={t('newContract.notes')} {...said(message('notes'))}>
        <Textarea value={draft.notes} maxLength={CONTRACT_NOTES_MAX} resize="vertical" onChange={(_, data) => set.notes(data.value)} />
      </Field>
      {form.create.error ? <ErrorMessage error={form.create.error} onRetry={form.save} /> : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={form.create.pending}>
          {form.create.pending ? t('newContract.saving') : t('newContract.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
