import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, TimestampSchema } from '../common/record.schema';
import { goalPeriods } from '../goals/goal.rules';
import { commissionModes } from './commission.rules';

const MinorSchema = z.number().int();

/** A plan's terms as a statement keeps them: what it was computed with, so it can be computed again as approved. */
export const CommissionTermsSchema = z.object({
  tiers: z.array(z.object({ fromPercent: z.number(), rate: z.number() })).max(10),
  mode: z.enum(commissionModes),
  productRates: z.array(z.object({ productId: z.string().max(100), rate: z.number() })).max(200),
  capMinor: MinorSchema.optional(),
  expensesReduceBase: z.boolean(),
});

export const CommissionPortionSchema = z.object({ rate: z.number(), minor: MinorSchema, productId: z.string().max(100).optional() });

/** What one won deal paid, amounts in minor units of the reporting currency. */
export const CommissionLineSchema = z.object({
  dealId: IdSchema,
  name: z.string().max(500),
  closedAt: z.string().max(40),
  wonMinor: MinorSchema,
  expensesMinor: MinorSchema,
  baseMinor: MinorSchema,
  portions: z.array(CommissionPortionSchema).max(220),
  commissionMinor: MinorSchema,
  capped: z.boolean(),
});
export type CommissionLineRecord = z.infer<typeof CommissionLineSchema>;

export const adjustmentReasons = ['changed', 'reopened', 'lost', 'deleted', 'reassigned'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

/** The difference a deal of an approved statement makes now: what it pays now less what it was paid. */
export const CommissionAdjustmentSchema = z.object({
  dealId: IdSchema,
  name: z.string().max(500),
  /** The period of the approved statement it corrects: its kind and first month. */
  forPeriod: z.enum(goalPeriods),
  forStart: z.string().max(7),
  reason: z.enum(adjustmentReasons),
  paidMinor: MinorSchema,
  nowMinor: MinorSchema,
  commissionMinor: MinorSchema,
});
export type CommissionAdjustment = z.infer<typeof CommissionAdjustmentSchema>;

const StatementFields = {
  memberId: IdSchema,
  planId: IdSchema,
  planName: z.string().max(100),
  terms: CommissionTermsSchema,
  period: z.enum(goalPeriods),
  /** The period's first month. */
  start: z.string().max(7),
  /** The rep's won-amount goal for the period, in minor units; null without one. */
  targetMinor: MinorSchema.nullable(),
  currency: z.string().max(3),
  wonMinor: MinorSchema,
  lines: z.array(CommissionLineSchema).max(10_000),
  adjustments: z.array(CommissionAdjustmentSchema).max(10_000),
  /** What the lines and adjustments pay together. */
  totalMinor: MinorSchema,
};

/** An approved statement: stored once, never changed; later differences become adjustments in a later statement. */
export const CommissionStatementSchema = z
  .object({ ...StatementFields, approvedBy: IdSchema, approvedAt: TimestampSchema, ...SystemFieldsSchema.shape })
  .meta({ id: 'CommissionStatement' });
export type CommissionStatement = z.infer<typeof CommissionStatementSchema>;

/** The external id that keeps one approved statement per rep and period. */
export function statementRef(statement: Pick<CommissionStatement, 'memberId' | 'period' | 'start'>): string {
  return `commission-statement:${statement.memberId}|${statement.period}|${statement.start}`;
}

/** A statement as the API shows it: approved (stored), or a draft computed now. */
export const CommissionStatementViewSchema = z
  .object({
    status: z.enum(['draft', 'approved']),
    /** The stored statement's id, once approved. */
    id: IdSchema.optional(),
    memberId: IdSchema,
    /** No plan pays the rep in this period: nothing else is filled. */
    planId: IdSchema.nullable(),
    planName: z.string().max(100).nullable(),
    period: z.enum(goalPeriods),
    start: z.string().max(7),
    /** The first day after the period. */
    ends: z.string().max(10),
    targetMinor: MinorSchema.nullable(),
    currency: z.string().max(3),
    wonMinor: MinorSchema,
    attainment: z.number().nullable(),
    lines: z.array(CommissionLineSchema),
    adjustments: z.array(CommissionAdjustmentSchema),
    totalMinor: MinorSchema,
    /** Won deals (or their expenses) in currencies without a rate: not paid until an admin adds one. */
    missingRates: z.array(z.object({ dealId: IdSchema, name: z.string().max(500), currency: z.string().max(3) })),
    approvedBy: IdSchema.optional(),
    approvedAt: TimestampSchema.optional(),
  })
  .meta({ id: 'CommissionStatementView' });
export type CommissionStatementView = z.infer<typeof CommissionStatementViewSchema>;
