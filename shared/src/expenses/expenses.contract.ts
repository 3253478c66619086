import { z } from 'zod';
import { IdParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { ExpenseSchema } from './expense.schema';

/** The most expenses a manager's approvals list holds per rep: the oldest waiting first. */
export const MAX_PENDING_PER_REP = 50;

export const PendingExpensesSchema = z
  .object({
    /** Submitted expenses of the caller's team (every rep's for an admin), the oldest first. */
    items: z.array(ExpenseSchema),
    /** More were waiting than the list holds: decide these, and the next come. */
    capped: z.boolean(),
  })
  .meta({ id: 'PendingExpenses' });
export type PendingExpenses = z.infer<typeof PendingExpensesSchema>;

export const pendingExpensesRoute = defineRoute({
  name: 'pending-expenses',
  method: 'GET',
  path: '/api/expenses/pending',
  summary: "Expenses waiting for a decision: the manager's team's (an admin's: everyone's), the oldest first",
  tag: 'Expense',
  auth: 'user',
  role: 'manager',
  allows: 'approve expenses',
  success: { status: 200, schema: PendingExpensesSchema, description: 'The submitted expenses' },
  errors: [403],
});

const RateSchema = z.object({ currency: z.string(), month: z.string(), rate: z.string() });

export const DealMarginSchema = z
  .object({
    currency: z.string(),
    converted: z.boolean(),
    amount: z.number().nullable(),
    expenses: z.number(),
    margin: z.number().nullable(),
    approvedCount: z.number().int(),
    submittedCount: z.number().int(),
    ratesUsed: z.array(RateSchema),
    missingRates: z.array(z.string()),
  })
  .meta({ id: 'DealMargin' });

export const dealMarginRoute = defineRoute({
  name: 'deal-margin',
  method: 'GET',
  path: '/api/deals/{id}/margin',
  summary: "A deal's margin: its amount less its approved expenses (in the deal's currency, or converted to the reporting currency when they differ)",
  tag: 'Deal',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: DealMarginSchema, description: 'The margin' },
});
