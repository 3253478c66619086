import { useState } from 'react';
import { Body1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Expense } from '@rapport/shared/expenses/expense.schema';
import { useExpenses, type ExpenseOwner } from '../../data/expenses';
import { useCanEditRecord, useMe, useMemberNames } from '../../hooks/useMe';
import { useOpenForm } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { AddButton } from '../AddButton';
import { editIcons } from '../editing-icons';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { ExpenseForm } from './ExpenseForm';
import { ExpenseRow } from './ExpenseRow';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
});

/**
 * A deal's or company's expenses the caller may read (their own; a manager's team's), newest first, each with its status
 * and receipt; Add expense opens the form (with the receipt), Change changes one that waits or was rejected.
 */
export function ExpensesSection({ owner, currency }: { owner: ExpenseOwner; /** A new expense's currency: a deal's own. */ currency?: string | undefined }) {
  const styles = useStyles();
  const { t } = useI18n();
  const expenses = useExpenses(owner);
  const opener = useOpenForm();
  const me = useMe();
  const nameOf = useMemberNames();
  const canEdit = useCanEditRecord();
  const [editing, setEditing] = useState<Expense | null>(null);
  const [notice, setNotice] = useState<{ text: string; intent: 'success' | 'warning' } | null>(null);
  const items = expenses.data?.items ?? [];
  const saved = (text: string, intent: 'success' | 'warning') => {
    setNotice({ text, intent });
    setEditing(null);
    opener.close();
  };
  return (
    <div className={styles.body}>
      {notice ? <Notice intent={notice.intent}>{notice.text}</Notice> : null}
      {opener.open || editing ? (
        <ExpenseForm
          key={editing?.id ?? 'new'}
          owner={owner}
          currency={currency}
          {...(editing ? { expense: editing } : {})}
          onSaved={saved}
          onCancel={() => {
            setEditing(null);
            opener.close();
          }}
        />
      ) : (
        <AddButton
          opener={{
            ...opener,
            show: () => {
              setNotice(null);
              opener.show();
            },
          }}
          icon={editIcons.add}
          label={t('expenses.add')}
        />
      )}
      {expenses.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {expenses.isError ? <ErrorMessage error={expenses.error} onRetry={() => void expenses.refetch()} /> : null}
      {expenses.isSuccess && items.length === 0 ? <Body1>{t('expenses.empty')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('expenses.title')}>
          {items.map((expense) => (
            <ExpenseRow
              key={expense.id}
              expense={expense}
              // Another's expense (a manager reads their team's) says whose it is.
              ownerName={expense.ownerId === me?.userId ? null : (nameOf(expense.ownerId) ?? expense.ownerId)}
              canChange={canEdit(expense)}
              onChange={() => {
                setNotice(null);
                setEditing(expense);
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
