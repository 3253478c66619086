import { Button, Caption1, Field, Input, Select, Spinner, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { NEXT_STEP_MAX } from '@rapport/shared/deals/deal-input.rules';
import { useFormFocus } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import type { DoneNotice } from './CardActions';
import { ErrorMessage } from './ErrorMessage';
import { useNewDealForm, type NewDealTarget } from './useNewDealForm';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    // A list as wide as its longest choice (a long stage name) stays the pane's width and cuts that choice instead.
    '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  // Amount and currency, close date and stage side by side while they fit, one under the other when they do not.
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  wide: { flexGrow: 2, flexBasis: '9rem', minWidth: 0 },
  narrow: { flexGrow: 1, flexBasis: '5.5rem', minWidth: 0 },
  heading: { margin: 0 },
  with: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export type NewDealFormProps = NewDealTarget & {
  /** Who and what the deal is with, as the card names them ("John Doe · Contoso"). */
  withNames: string;
  /** Created: what to tell the rep ("Deal “…” created."), with the button that opens the deal. */
  onCreated: (notice: DoneNotice) => void;
  onCancel: () => void;
};

/**
 * A deal for the person or company on the card, opened from its actions: name (suggested from the company and the
 * e-mail's subject), amount and currency, expected close, stage and next step. Each field says what it needs before
 * anything is sent, and the API's field errors show on the same fields; a double click or Retry creates one deal.
 */
export function NewDealForm({ withNames, onCreated, onCancel, ...target }: NewDealFormProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const focus = useFormFocus(onCancel);
  const form = useNewDealForm(target, (deal) =>
    onCreated({ text: t('newDeal.created', { name: deal.name }), open: { label: t('newDeal.open'), record: { kind: 'deal', id: deal.id } } }),
  );
  const { fields, set, fieldMessage, choices } = form;

  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('action.newDeal')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {t('action.newDeal')}
      </Subtitle2>
      <Caption1 className={styles.with}>{t('newDeal.with', { names: withNames })}</Caption1>
      <Field label={t('newDeal.name')} required validationMessage={fieldMessage('name')}>
        <Input value={fields.name} onChange={(_, data) => set.name(data.value)} />
      </Field>
      {choices.pending ? <Spinner size="tiny" label={t('newDeal.loading')} /> : null}
      {choices.error ? <ErrorMessage error={choices.error} onRetry={choices.retry} /> : null}
      {choices.noStages ? <Caption1>{t('lead.noStages')}</Caption1> : null}
      <div className={styles.row}>
        <Field className={styles.wide} label={t('newDeal.amount')} validationMessage={fieldMessage('amount')}>
          <Input inputMode="decimal" value={fields.amount} onChange={(_, data) => set.amount(data.value)} />
        </Field>
        {form.currencies.length > 0 ? (
          <Field className={styles.narrow} label={t('newDeal.currency')} validationMessage={fieldMessage('currency')}>
            <Select value={fields.currency} onChange={(_, data) => set.currency(data.value)}>
              {form.currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <div className={styles.row}>
        <Field className={styles.narrow} label={t('newDeal.expectedClose')} validationMessage={fieldMessage('expectedCloseDate')}>
          <Input type="date" value={fields.expectedCloseDate} onChange={(_, data) => set.expectedCloseDate(data.value)} />
        </Field>
        {form.openStages.length > 0 ? (
          <Field className={styles.narrow} label={t('deal.stage')} validationMessage={fieldMessage('stage')}>
            <Select value={fields.stage} onChange={(_, data) => set.stage(data.value)}>
              {form.openStages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <Field label={t('newDeal.nextStep')} hint={t('newDeal.nextStepHint')} validationMessage={fieldMessage('nextStep')}>
        <Textarea value={fields.nextStep} maxLength={NEXT_STEP_MAX} resize="vertical" onChange={(_, data) => set.nextStep(data.value)} />
      </Field>
      {form.create.error ? <ErrorMessage error={form.create.error} onRetry={form.save} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={form.create.pending || form.openStages.length === 0 || form.currencies.length === 0}>
          {t('newDeal.save')}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
