import { useState } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { sectionIcons } from '../icons';
import { editIcons } from '../editing-icons';
import type { Expense } from '@rapport/shared/expenses/expense.schema';
import { useI18n } from '../../i18n/I18nContext';
import { DocumentsSection } from '../documents/DocumentsSection';
import { StatusBadge, type BadgeTone } from '../StatusBadge';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  // Body1 in bold: Body1Strong's module would join the first card's JavaScript.
  what: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  amount: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  reason: { overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  receipt: { paddingLeft: tokens.spacingHorizontalS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
});

export const statusTones: Record<Expense['status'], BadgeTone> = { submitted: 'informative', approved: 'success', rejected: 'danger' };

/** One expense: what, how much, when, its status and the manager's reason; its receipt opens beneath it. */
export function ExpenseRow({ expense, ownerName, canChange, onChange }: { expense: Expense; ownerName: string | null; canChange: boolean; onChange: () => void }) {
  const styles = useStyles();
  const { t, money, date } = useI18n();
  const [receiptOpen, setReceiptOpen] = useState(false);
  const reason = expense.decision?.reason;
  return (
    <li className={styles.row}>
      <div className={styles.top}>
        <Body1 className={styles.what}>{expense.description}</Body1>
        <Body1 className={styles.amount}>{money(expense.amount, expense.currency)}</Body1>
      </div>
      <div className={styles.top}>
        <Caption1 className={styles.meta}>
          {t(`expenses.category.${expense.category}`)} · {ownerName ? t('expenses.by', { name: ownerName, date: date(expense.date) }) : date(expense.date)}
        </Caption1>
        <StatusBadge tone={statusTones[expense.status]}>{t(`expenses.status.${expense.status}`)}</StatusBadge>
      </div>
      {expense.status === 'rejected' && reason ? (
        <Caption1 className={styles.reason}>
          {t('expenses.rejectedBecause', { reason })} {canChange ? t('expenses.resubmitHint') : null}
        </Caption1>
      ) : null}
      {expense.status === 'approved' && reason ? <Caption1 className={styles.reason}>{t('expenses.approvedNote', { reason })}</Caption1> : null}
      <div className={styles.buttons}>
        <Button size="small" appearance="subtle" icon={<sectionIcons.documents />} aria-expanded={receiptOpen} onClick={() => setReceiptOpen((open) => !open)}>
          {t('expenses.receipt')}
        </Button>
        {canChange && expense.status !== 'approved' ? (
          <Button size="small" appearance="subtle" icon={<editIcons.edit />} onClick={onChange}>
            {t('expenses.edit')}
          </Button>
        ) : null}
      </div>
      {receiptOpen ? (
        <div className={styles.receipt}>
          <DocumentsSection owner={{ kind: 'expense', id: expense.id }} />
        </div>
      ) : null}
    </li>
  );
}

