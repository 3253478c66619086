import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Expense } from '@rapport/shared/expenses/expense.schema';
import { useDecideExpense, usePendingExpenses } from '../../data/expenses';
import { useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { DocumentsSection } from '../documents/DocumentsSection';

/** Where the list shows: the pane's My day (its section names it) or the dashboard (with a heading of its own). */
type Where = 'pane' | 'page';

/**
 * The deal or company an expense is for, by name, opening it where the list shows (the pane's record view, a record
 * page): given by the view, so this chunk carries neither way of opening a record.
 */
export type RecordNamer = (record: { kind: 'deal' | 'company'; id: string }) => ReactNode;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', minWidth: 0 },
  what: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  amount: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  reject: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
});

/**
 * A manager's approvals: their team's submitted expenses, the oldest first, each with its receipt, Approve, and Reject
 * with the reason the rep will read. A decided expense leaves the list. In the pane its section names it; on the
 * dashboard it has its own heading.
 */
export function ExpenseApprovals({ where, recordName }: { where: Where; recordName: RecordNamer }) {
  const styles = useStyles();
  const { t } = useI18n();
  const pending = usePendingExpenses();
  const [notice, setNotice] = useState<string | null>(null);
  const items = pending.data?.items ?? [];
  return (
    <div className={styles.card}>
      {where === 'page' ? (
        <Subtitle2 as="h2" className={styles.heading}>
          {t('expenses.approvals')}
        </Subtitle2>
      ) : null}
      {notice ? <Notice intent="success">{notice}</Notice> : null}
      {pending.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {pending.isError ? <ErrorMessage error={pending.error} onRetry={() => void pending.refetch()} /> : null}
      {pending.isSuccess && items.length === 0 ? <Body1>{t('expenses.approvals.empty')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('expenses.approvals')}>
          {items.map((expense) => (
            <PendingExpense key={expense.id} expense={expense} recordName={recordName} onDecided={setNotice} />
          ))}
        </ul>
      ) : null}
      {pending.data?.capped ? <Caption1>{t('expenses.approvals.more')}</Caption1> : null}
    </div>
  );
}

function PendingExpense({ expense, recordName, onDecided }: { expense: Expense; recordName: RecordNamer; onDecided: (notice: string) => void }) {
  const styles = useStyles();
  const { t, money, date } = useI18n();
  const nameOf = useMemberNames();
  const decide = useDecideExpense();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [receiptOpen, setReceiptOpen] = useState(false);
  const record = expense.dealId ? { kind: 'deal' as const, id: expense.dealId } : expense.companyId ? { kind: 'company' as const, id: expense.companyId } : null;
  return (
    <li className={styles.item} aria-label={expense.description}>
      <div className={styles.top}>
        <Body1 className={styles.what}>{expense.description}</Body1>
        <Body1 className={styles.amount}>{money(expense.amount, expense.currency)}</Body1>
      </div>
      <Caption1 className={styles.meta}>
        {t('expenses.by', { name: nameOf(expense.ownerId) ?? expense.ownerId, date: date(expense.date) })} · {t(`expenses.category.${expense.category}`)}
      </Caption1>
      {record ? (
        <Caption1>
          {t('expenses.for', { record: '' })}
          {recordName(record)}
        </Caption1>
      ) : null}
      {decide.error ? <ErrorMessage error={decide.error} /> : null}
      {rejecting ? (
        <form
          className={styles.reject}
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim() === '') return;
            void decide.reject(expense.id, reason.trim()).then(() => onDecided(t('expenses.rejected')), () => undefined);
          }}
        >
          <Field label={t('expenses.rejectReason')} required>
            <Input value={reason} maxLength={500} autoFocus onChange={(_, data) => setReason(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={decide.pending}>
              {t('expenses.rejectConfirm')}
            </Button>
            <Button onClick={() => setRejecting(false)}>{t('expenses.cancel')}</Button>
          </div>
        </form>
      ) : (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={decide.pending} onClick={() => void decide.approve(expense.id).then(() => onDecided(t('expenses.approved')), () => undefined)}>
            {t('expenses.approve')}
          </Button>
          <Button disabled={decide.pending} onClick={() => setRejecting(true)}>
            {t('expenses.reject')}
          </Button>
          <Button appearance="subtle" aria-expanded={receiptOpen} onClick={() => setReceiptOpen((open) => !open)}>
            {t('expenses.receipt')}
          </Button>
        </div>
      )}
      {receiptOpen ? <DocumentsSection owner={{ kind: 'expense', id: expense.id }} /> : null}
    </li>
  );
}
