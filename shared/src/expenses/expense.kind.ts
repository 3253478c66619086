import { defineKind } from '../kinds/kind-definition';
import { expenseStatusFlow } from './expense-kinds';
import { ExpenseApproveSchema, ExpenseInputSchema, ExpensePatchSchema, ExpenseRejectSchema, ExpenseSchema } from './expense.schema';

export const expenseKind = defineKind(ExpenseSchema, {
  plural: 'expenses',
  label: 'Expense',
  references: [
    { field: 'dealId', kind: 'deal', link: true },
    { field: 'companyId', kind: 'company', link: true },
  ],
  timeline: false,
  // A few a month per rep, for years: spread over partitions by id, as documents are.
  spread: true,
  // Linked to its rep: a manager's approvals are each rep's submitted expenses, one bounded read per rep.
  linkedToOwner: true,
  // A rep reads their own expenses; a manager their team's; an admin every one.
  readableBy: 'owner',
  statusFlow: { field: 'status', flow: expenseStatusFlow, code: 'EXPENSE.STATUS_FLOW' },
  schemaVersion: 1,
  title: (expense) => `${expense.description} (${expense.amount} ${expense.currency})`,
  index: (expense) => ({ isOpen: expense.status === 'submitted', sortAt: `${expense.date}T00:00:00.000Z` }),
  api: {
    input: ExpenseInputSchema,
    patch: ExpensePatchSchema,
    filters: ['ownerId', 'companyId', 'dealId'],
    example: {
      input: (text) => ({ date: '2026-11-02', amount: 42.5, currency: 'EUR', category: 'meals', description: `${text} lunch with the buyer`, companyId: 'example-company' }),
      patch: { description: 'Lunch with the buyer and their engineer' },
    },
    actions: {
      approve: { summary: 'Approve a submitted expense (managers): it counts in its deal’s margin', body: ExpenseApproveSchema, role: 'manager', allows: 'approve expenses', example: {} },
      reject: { summary: 'Reject a submitted expense with the reason (managers); the rep may change it, which submits it again', body: ExpenseRejectSchema, role: 'manager', allows: 'reject expenses', example: { reason: 'No receipt' } },
    },
  },
});
