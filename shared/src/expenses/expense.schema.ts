import { z } from 'zod';
import { expenseCategories, expenseStatuses } from './expense-kinds';
import { AmountSchema, CurrencySchema, DateSchema, IdSchema, SystemFieldsSchema, TimestampSchema, patchSchemaOf, shortText } from '../common/record.schema';

const ExpenseFields = {
  /** The day it was spent; reports file it in this day's month and convert it at that month's rate. */
  date: DateSchema,
  /** In `currency`'s major units, more than zero and to its minor unit (no half cent). */
  amount: AmountSchema.refine((value) => value > 0, 'must be more than 0'),
  currency: CurrencySchema,
  category: z.enum(expenseCategories),
  description: shortText(500),
  /** The deal it was spent for: its margin (and, where a plan says so, its commission) counts it once approved. */
  dealId: IdSchema.optional(),
  /** The company it was spent for; a deal's company when only the deal is given. */
  companyId: IdSchema.optional(),
};

const needsARecord = (expense: { dealId?: string | undefined; companyId?: string | undefined }) => Boolean(expense.dealId || expense.companyId);
const RECORD_NEEDED = { message: 'an expense is for a deal or a company: give dealId or companyId', path: ['dealId'] };

/** A rep's expense, for a deal and/or a company. */
export const ExpenseInputSchema = z.strictObject({ ...ExpenseFields, ownerId: IdSchema.optional() }).refine(needsARecord, RECORD_NEEDED);
export type ExpenseInput = z.input<typeof ExpenseInputSchema>;

/** A manager's decision: who, when, and (always for a rejection) why. */
export const ExpenseDecisionSchema = z.object({ by: IdSchema, at: TimestampSchema, reason: shortText(500).optional() });
export type ExpenseDecision = z.infer<typeof ExpenseDecisionSchema>;

export const ExpenseSchema = z
  .object({
    ...ExpenseFields,
    ...SystemFieldsSchema.shape,
    /** Kept by the server: new ones are submitted; the approve and reject actions decide them. */
    status: z.enum(expenseStatuses),
    decision: ExpenseDecisionSchema.optional(),
  })
  .meta({ id: 'Expense' });
export type Expense = z.infer<typeof ExpenseSchema>;

export const ExpensePatchSchema = patchSchemaOf(z.strictObject({ ...ExpenseFields, ownerId: IdSchema.optional() }));
export type ExpensePatch = z.input<typeof ExpensePatchSchema>;

/** Approving may say something; rejecting must say why, so the rep knows what to change. */
export const ExpenseApproveSchema = z.strictObject({ reason: shortText(500).optional() });
export const ExpenseRejectSchema = z.strictObject({ reason: shortText(500) });
