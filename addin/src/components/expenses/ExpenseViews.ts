// What a deal's or company's view shows of expenses, loaded as one chunk when the view opens: the pane's first card
// carries none of it.
export { DealMargin } from './DealMargin';
export { ExpensesSection } from './ExpensesSection';
