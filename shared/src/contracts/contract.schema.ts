import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateSchema, IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import {
  CONTRACT_COVERED_MAX,
  CONTRACT_HOURS_MAX,
  CONTRACT_NAME_MAX,
  CONTRACT_NOTES_MAX,
  CONTRACT_NOTICE_DAYS_MAX,
  CONTRACT_TERM_MONTHS_MAX,
  DEFAULT_CONTRACT_NOTICE_DAYS,
  DEFAULT_CONTRACT_TERM_MONTHS,
  contractPeriods,
} from './contract.rules';

/** A product or service the contract covers: from the catalog, or named only ("On-site visits"). */
export const CoveredItemSchema = z.strictObject({ productId: IdSchema.optional(), name: shortText(200) });
export type CoveredItem = z.infer<typeof CoveredItemSchema>;

/** Whether the contract renews by itself at its end (for `termMonths` more), and the notice the customer gives not to. */
export const RenewalTermsSchema = z.strictObject({
  autoRenew: z.boolean().default(false),
  noticeDays: z.number().int().min(0).max(CONTRACT_NOTICE_DAYS_MAX).default(DEFAULT_CONTRACT_NOTICE_DAYS),
  termMonths: z.number().int().min(1).max(CONTRACT_TERM_MONTHS_MAX).default(DEFAULT_CONTRACT_TERM_MONTHS),
});
export type RenewalTerms = z.infer<typeof RenewalTermsSchema>;

const hours = z.number().positive().max(CONTRACT_HOURS_MAX).multipleOf(0.25);

/** What the customer is promised: "Premium support", a first answer within 4 hours, a fix within 24. */
export const ServiceLevelSchema = z.strictObject({
  name: shortText(100),
  responseHours: hours,
  resolutionHours: hours.optional(),
});
export type ServiceLevel = z.infer<typeof ServiceLevelSchema>;

/** What the contract is worth per billing period. */
export const ContractValueSchema = z.strictObject({ amount: AmountSchema, currency: CurrencySchema, period: z.enum(contractPeriods) });
export type ContractValue = z.infer<typeof ContractValueSchema>;

const ContractFields = {
  companyId: IdSchema,
  name: shortText(CONTRACT_NAME_MAX),
  covered: z.array(CoveredItemSchema).max(CONTRACT_COVERED_MAX).default([]),
  /** The first and last day it is in force (UTC days, both included). */
  startDate: DateSchema,
  endDate: DateSchema,
  renewal: RenewalTermsSchema.default({ autoRenew: false, noticeDays: DEFAULT_CONTRACT_NOTICE_DAYS, termMonths: DEFAULT_CONTRACT_TERM_MONTHS }),
  serviceLevel: ServiceLevelSchema.optional(),
  value: ContractValueSchema.optional(),
  /** Ended early by either side; `false` reinstates it. */
  cancelled: z.boolean().default(false),
  cancelReason: shortText(500).optional(),
  notes: longText(CONTRACT_NOTES_MAX).optional(),
};

/** A service contract with a company: what it covers, from when to when, how it renews, what it promises and is worth. */
export const ContractInputSchema = z.strictObject({ ...ContractFields, ownerId: IdSchema.optional() });
export type ContractInput = z.input<typeof ContractInputSchema>;

export const ContractPatchSchema = patchSchemaOf(z.strictObject({ ...ContractFields, ownerId: IdSchema.optional() }));
export type ContractPatch = z.input<typeof ContractPatchSchema>;

export const ContractSchema = z
  .object({
    ...ContractFields,
    /** Per tenant: what the customer quotes ("SC-7"). */
    number: z.number().int().min(1),
    renewal: RenewalTermsSchema,
    /** Set by the server when it is cancelled. */
    cancelledAt: TimestampSchema.optional(),
    ...SystemFieldsSchema.shape,
  })
  .meta({ id: 'Contract' });
export type Contract = z.infer<typeof ContractSchema>;
