// Plain data, no schema: the pane imports these without loading zod.

/** What an expense was for; reports group by it. */
export const expenseCategories = ['travel', 'lodging', 'meals', 'mileage', 'entertainment', 'supplies', 'other'] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];

/** Submitted by the rep, then approved or rejected by a manager; a rejected one changed by the rep is submitted again. */
export const expenseStatuses = ['submitted', 'approved', 'rejected'] as const;
export type ExpenseStatus = (typeof expenseStatuses)[number];

/** Which statuses may follow which: only a submitted expense is decided, and a rejected one goes back to submitted. */
export const expenseStatusFlow: Readonly<Record<ExpenseStatus, readonly ExpenseStatus[]>> = {
  submitted: ['approved', 'rejected'],
  approved: [],
  rejected: ['submitted'],
};

/** The fields a decision is about: an approved expense keeps them. */
export const decidedExpenseFields = ['date', 'amount', 'currency', 'category', 'dealId', 'companyId'] as const;
