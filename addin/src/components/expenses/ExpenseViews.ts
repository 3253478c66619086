// What the pane shows of expenses (a deal's or company's, a manager's approvals in My day), loaded as one chunk when the
// first of them opens: one lazy boundary rather than two keeps the first card's JavaScript in as few files as it was.
export { DealMargin } from './DealMargin';
export { ExpenseApprovals } from './ExpenseApprovals';
export { ExpensesSection } from './ExpensesSection';
