import { useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { expenseCategories, type ExpenseCategory } from '@rapport/shared/expenses/expense-kinds';
import type { Expense } from '@rapport/shared/expenses/expense.schema';
import { useAddExpense, useChangeExpense, type ExpenseOwner } from '../../data/expenses';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { parseAmount } from '../../i18n/parse-amount';
import { useErrorText } from '../../i18n/useErrorText';
import { ErrorMessage } from '../ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  // Amount and currency side by side: the amount takes what the currency leaves.
  money: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 96px', gap: tokens.spacingHorizontalS, minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0 },
  file: { maxWidth: '100%', minWidth: 0 },
});

const todayOf = () => new Date().toLocaleDateString('sv-SE');

export type ExpenseFormProps = {
  owner: ExpenseOwner;
  /** Changing this expense; a new one when absent. */
  expense?: Expense;
  /** A new expense's currency until the rep picks one: the deal's (else the reporting currency). */
  currency?: string | undefined;
  /** Saved: what to tell the rep. */
  onSaved: (notice: string, intent: 'success' | 'warning') => void;
  onCancel: () => void;
};

/**
 * A new expense for the deal or company in view (with its receipt, a photo or a PDF, sent after it), or a change of
 * one that waits or was rejected (which sends it to the manager again).
 */
export function ExpenseForm({ owner, expense, currency: usual, onSaved, onCancel }: ExpenseFormProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const focus = useFormFocus(onCancel);
  const { currencies, fallback } = useTenantCurrencies(expense?.currency ?? usual);
  const [date, setDate] = useState(expense?.date ?? todayOf());
  const [amountText, setAmountText] = useState(expense ? new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(expense.amount) : '');
  const [currency, setCurrency] = useState<string | null>(expense?.currency ?? usual ?? null);
  const [category, setCategory] = useState<ExpenseCategory>(expense?.category ?? 'travel');
  const [description, setDescription] = useState(expense?.description ?? '');
  const [receipt, setReceipt] = useState<File | null>(null);
  const [amountProblem, setAmountProblem] = useState(false);
  const adding = useAddExpense();
  const changing = useChangeExpense();
  const error = expense ? changing.error : adding.create.error;
  const fields = error ? errorText(error).fields : {};
  const saving = adding.create.isPending || adding.receipt.isPending || changing.isPending;
  const chosenCurrency = currency ?? fallback;

  const save = async () => {
    const amount = parseAmount(amountText, locale);
    if (amount === null || Number.isNaN(amount) || amount <= 0) {
      setAmountProblem(true);
      return;
    }
    setAmountProblem(false);
    if (description.trim() === '') return;
    const fields = { date, amount, currency: chosenCurrency, category, description: description.trim() };
    try {
      if (expense) {
        await changing.save(expense, fields);
        onSaved(t('expenses.saved'), 'success');
      } else {
        const { receiptFailed } = await adding.add({ ...fields, ...(owner.kind === 'deal' ? { dealId: owner.id } : { companyId: owner.id }) }, receipt);
        onSaved(t(receiptFailed ? 'expenses.receiptFailed' : 'expenses.saved'), receiptFailed ? 'warning' : 'success');
      }
    } catch {
      // Said in the form, from the mutation's error.
    }
  };

  const title = expense ? t('expenses.heading.edit') : t('expenses.heading.new');
  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {title}
      </Subtitle2>
      <Field label={t('expenses.field.date')} required validationMessage={fields.date}>
        <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
      </Field>
      <div className={styles.money}>
        <Field label={t('expenses.field.amount')} required validationMessage={amountProblem ? t('expenses.amountInvalid') : fields.amount}>
          <Input inputMode="decimal" value={amountText} onChange={(_, data) => setAmountText(data.value)} />
        </Field>
        <Field label={t('expenses.field.currency')} validationMessage={fields.currency}>
          <Select value={chosenCurrency} onChange={(_, data) => setCurrency(data.value)}>
            {(currencies.length > 0 ? currencies : [fallback]).map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('expenses.field.category')} validationMessage={fields.category}>
        <Select value={category} onChange={(_, data) => setCategory(data.value as ExpenseCategory)}>
          {expenseCategories.map((value) => (
            <option key={value} value={value}>
              {t(`expenses.category.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('expenses.field.description')} required validationMessage={fields.description}>
        <Input value={description} maxLength={500} onChange={(_, data) => setDescription(data.value)} />
      </Field>
      {expense ? null : (
        <Field label={t('expenses.field.receipt')} hint={t('expenses.receipt.hint')}>
          {(control) => (
            <input {...control} className={styles.file} type="file" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.pdf,.png,.jpg,.jpeg,.gif,.webp" onChange={(event) => setReceipt(event.target.files?.[0] ?? null)} />
          )}
        </Field>
      )}
      {error && Object.keys(fields).length === 0 ? <ErrorMessage error={error} /> : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t('expenses.save')}
        </Button>
        <Button onClick={onCancel}>{t('expenses.cancel')}</Button>
      </div>
    </form>
  );
}
