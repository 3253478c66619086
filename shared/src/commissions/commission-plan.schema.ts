import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';
import { goalPeriods, isPeriodStart } from '../goals/goal.rules';
import { commissionModes } from './commission.rules';

const MonthSchema = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
/** A percentage with at most two decimals: 5, 7.5, 12.25. */
const RateSchema = z.number().min(0).max(100).refine((rate) => Math.round(rate * 100) === rate * 100, 'a rate has at most two decimals');

/** From which attainment (percent of the rep's won-amount goal) a rate applies. */
export const CommissionTierSchema = z.strictObject({ fromPercent: z.number().min(0).max(10_000), rate: RateSchema });
export type CommissionTier = z.infer<typeof CommissionTierSchema>;

/** A product whose lines pay their own rate, outside the tiers. */
export const ProductRateSchema = z.strictObject({ productId: IdSchema, rate: RateSchema });

const PlanFields = {
  name: shortText(100),
  /** The reps the plan pays (none yet, while it is drafted). A rep two plans name for one period is paid by the one that starts later. */
  memberIds: z.array(IdSchema).max(500).default([]),
  /** Statements and attainment run per month, quarter or year. */
  period: z.enum(goalPeriods),
  /** The first period the plan pays (its first month). */
  from: MonthSchema,
  /** The last month it pays, when it ends. */
  until: MonthSchema.optional(),
  /** Rates by attainment of the rep's won-amount goal, the first from 0 %. */
  tiers: z.array(CommissionTierSchema).min(1).max(10),
  /** `marginal`: each rate pays the part of the amount inside its tier; `retroactive`: the reached tier's rate pays all. */
  mode: z.enum(commissionModes).default('marginal'),
  productRates: z.array(ProductRateSchema).max(200).default([]),
  /** The most one period pays, in the reporting currency. */
  cap: z.number().finite().positive().max(1e11).optional(),
  /** Approved expenses of a deal come off its commission base. */
  expensesReduceBase: z.boolean().default(false),
};

type PlanShape = { period: 'month' | 'quarter' | 'year'; from: string; until?: string | undefined; tiers: readonly CommissionTier[]; productRates?: readonly { productId: string }[] | undefined; memberIds?: readonly string[] | undefined };

/** What is wrong with a plan's fields together, if anything: the create's schema and a change's hook both ask. */
export function commissionPlanProblems(plan: PlanShape): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (!isPeriodStart(plan.period, plan.from)) problems.push({ message: `a ${plan.period} cannot start in ${plan.from}`, path: ['from'] });
  if (plan.until !== undefined && plan.until < plan.from) problems.push({ message: 'a plan ends after it starts', path: ['until'] });
  if (plan.tiers[0]?.fromPercent !== 0) problems.push({ message: 'the first tier starts at 0 %', path: ['tiers', 0, 'fromPercent'] });
  plan.tiers.forEach((tier, index) => {
    const previous = plan.tiers[index - 1];
    if (previous && tier.fromPercent <= previous.fromPercent) problems.push({ message: 'each tier starts above the one before', path: ['tiers', index, 'fromPercent'] });
  });
  const products = plan.productRates?.map((rate) => rate.productId) ?? [];
  if (new Set(products).size !== products.length) problems.push({ message: 'a product has one rate', path: ['productRates'] });
  if (new Set(plan.memberIds ?? []).size !== (plan.memberIds ?? []).length) problems.push({ message: 'a rep is named once', path: ['memberIds'] });
  return problems;
}

function checkPlan(plan: PlanShape, context: z.RefinementCtx): void {
  for (const problem of commissionPlanProblems(plan)) context.addIssue({ code: 'custom', ...problem });
}

export const CommissionPlanInputSchema = z.strictObject({ ...PlanFields, ownerId: IdSchema.optional() }).superRefine(checkPlan);
export type CommissionPlanInput = z.input<typeof CommissionPlanInputSchema>;

export const CommissionPlanSchema = z.object({ ...PlanFields, ...SystemFieldsSchema.shape }).meta({ id: 'CommissionPlan' });
export type CommissionPlan = z.infer<typeof CommissionPlanSchema>;

export const CommissionPlanPatchSchema = patchSchemaOf(z.strictObject(PlanFields));
export type CommissionPlanPatch = z.input<typeof CommissionPlanPatchSchema>;
