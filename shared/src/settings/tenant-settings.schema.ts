import { SurveySettingsSchema } from '../surveys/survey.schema';
import { z } from 'zod';
import { CurrencySchema, SystemFieldsSchema } from '../common/record.schema';
import { RATE_PATTERN, isRate } from '../money/money.rules';
import { DomainSchema } from '../companies/company.schema';
import { MAX_OWN_DOMAINS } from './own-domains.rules';
import { STALE_DEAL_DAYS_MAX, STALE_DEAL_DAYS_MIN } from '../send-checks/send-check.rules';
import { NeverLogEntriesSchema, NeverLogTypedSchema } from '../email/never-log.schema';
import { MAX_FILE_MB_CEILING } from '../documents/document-limits.rules';
import { QuoteSettingsSchema } from '../quotes/quote-settings.schema';
import { CONTRACT_RENEWAL_DAYS_MAX } from '../contracts/contract.rules';
import { SERVICE_LEVEL_HOURS_MAX } from '../cases/service-level.rules';

export { MAX_OWN_DOMAINS };

/** The id of a tenant's one settings record. */
export const TENANT_SETTINGS_ID = 'tenant';

/** The reporting currency of a tenant that has not chosen one. */
export const DEFAULT_REPORTING_CURRENCY = 'USD';

/** The most exchange rates a tenant keeps: a rate per month for 40 currencies over 10 years. */
export const MAX_EXCHANGE_RATES = 5_000;

const MonthSchema = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** "1 unit of `currency` = `rate` units of the reporting currency", from `month` on; kept as text, so nothing is lost to floating point. */
export const ExchangeRateSchema = z.strictObject({
  currency: CurrencySchema,
  month: MonthSchema,
  rate: z
    .string()
    .max(25)
    .regex(RATE_PATTERN, 'a decimal number such as 1.0825 (a point, no thousands separators)')
    .refine(isRate, 'a rate above zero'),
});

const SettingsFields = {
  reportingCurrency: CurrencySchema,
  exchangeRates: z.array(ExchangeRateSchema).max(MAX_EXCHANGE_RATES),
};

/**
 * The tenant's own e-mail domains: an address there is a colleague's, never a stranger to add to the CRM. Empty (the
 * default) means the domains of the members' addresses.
 */
const OwnDomainsSchema = z.array(DomainSchema).max(MAX_OWN_DOMAINS);

/** How many days before a service contract ends its owner gets a renewal task (default 60). */
const ContractRenewalDaysSchema = z.number().int().min(1).max(CONTRACT_RENEWAL_DAYS_MAX);
const serviceHours = z.number().positive().max(SERVICE_LEVEL_HOURS_MAX).multipleOf(0.25);
/** What a case is promised when its customer has no service contract in force: first response and resolution, in hours. */
export const DefaultServiceLevelSchema = z.strictObject({ responseHours: serviceHours, resolutionHours: serviceHours }).refine((level) => level.resolutionHours >= level.responseHours, {
  message: 'a resolution cannot be due before the first response',
  path: ['resolutionHours'],
});

/** Send-time checks: an open deal with no activity for more than this many days is named before a message goes to its people. */
const StaleDealDaysSchema = z.number().int().min(STALE_DEAL_DAYS_MIN).max(STALE_DEAL_DAYS_MAX);

/** How large a file Rapport keeps (uploads and e-mail attachments), and how much of one e-mail's attachments, in MB. */
const DocumentLimitsSchema = z
  .strictObject({
    maxFileMb: z.number().int().min(1).max(MAX_FILE_MB_CEILING),
    maxMessageMb: z.number().int().min(1).max(10 * MAX_FILE_MB_CEILING),
  })
  .refine((limits) => limits.maxMessageMb >= limits.maxFileMb, { message: 'an e-mail may keep at least one largest file: maxMessageMb must be at least maxFileMb', path: ['maxMessageMb'] });

/**
 * The colours of a goal's pace, in percent of the target at this rate: orange below `warningBelow`, green from
 * `successFrom` (default 70 and 100). Managers set them.
 */
export const GoalBandsSchema = z
  .strictObject({
    warningBelow: z.number().int().min(0).max(1_000),
    successFrom: z.number().int().min(1).max(1_000),
  })
  .refine((bands) => bands.successFrom > bands.warningBelow, { message: 'green starts above where orange ends: successFrom must be more than warningBelow', path: ['successFrom'] });
export type GoalBands = z.infer<typeof GoalBandsSchema>;
export const defaultGoalBands: GoalBands = { warningBelow: 70, successFrom: 100 };

/** One rate per currency and month, and none for the reporting currency itself (it is 1). */
function checkRates(settings: { reportingCurrency?: string | undefined; exchangeRates?: readonly { currency: string; month: string }[] | undefined }, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  (settings.exchangeRates ?? []).forEach((rate, index) => {
    const key = `${rate.currency}|${rate.month}`;
    if (seen.has(key)) context.addIssue({ code: 'custom', message: `${rate.currency} has two rates for ${rate.month}`, path: ['exchangeRates', index] });
    seen.add(key);
    if (settings.reportingCurrency && rate.currency === settings.reportingCurrency) {
      context.addIssue({ code: 'custom', message: `${rate.currency} is the reporting currency: its rate is always 1`, path: ['exchangeRates', index] });
    }
  });
}

/** A change of the settings: what it names is replaced (the rates as a whole list). */
export const TenantSettingsPatchSchema = z
  .strictObject({
    reportingCurrency: SettingsFields.reportingCurrency.optional(),
    exchangeRates: SettingsFields.exchangeRates.optional(),
    ownDomains: OwnDomainsSchema.optional(),
    staleDealDays: StaleDealDaysSchema.optional(),
    /** The whole never-log list, entries as typed: the service normalizes them (NEVER_LOG.* codes when it cannot). */
    neverLog: NeverLogTypedSchema.optional(),
    documentLimits: DocumentLimitsSchema.optional(),
    goalBands: GoalBandsSchema.optional(),
    /** The quotes' seller details, tax rates, validity, terms and accepted stage, as a whole. */
    quotes: QuoteSettingsSchema.optional(),
    contractRenewalDays: ContractRenewalDaysSchema.optional(),
    serviceLevel: DefaultServiceLevelSchema.optional(),
    surveys: SurveySettingsSchema.optional(),
  })
  .refine(
    (patch) =>
      patch.reportingCurrency !== undefined ||
      patch.exchangeRates !== undefined ||
      patch.ownDomains !== undefined ||
      patch.staleDealDays !== undefined ||
      patch.neverLog !== undefined ||
      patch.documentLimits !== undefined ||
      patch.goalBands !== undefined ||
      patch.quotes !== undefined ||
      patch.contractRenewalDays !== undefined ||
      patch.serviceLevel !== undefined ||
      patch.surveys !== undefined,
    { message: 'give reportingCurrency, exchangeRates, ownDomains, staleDealDays, neverLog, documentLimits, goalBands, quotes, contractRenewalDays, serviceLevel, surveys or several' },
  )
  .superRefine(checkRates);
export type TenantSettingsPatch = z.output<typeof TenantSettingsPatchSchema>;

// Settings saved before own domains existed have none: the members' domains then stand for them. Those saved before
// send-time checks have no staleDealDays: the default stands for it. Those saved before never-log lists have none: an
// empty list. Those saved before documents have no documentLimits, and those before goals' colours no goalBands: the
// defaults stand for them; so do they for quotes' settings in those saved before quotes.
export const TenantSettingsRecordSchema = z.object({
  ...SettingsFields,
  ownDomains: OwnDomainsSchema.optional(),
  staleDealDays: StaleDealDaysSchema.optional(),
  neverLog: NeverLogEntriesSchema.optional(),
  documentLimits: DocumentLimitsSchema.optional(),
  goalBands: GoalBandsSchema.optional(),
  quotes: QuoteSettingsSchema.optional(),
  contractRenewalDays: ContractRenewalDaysSchema.optional(),
  serviceLevel: DefaultServiceLevelSchema.optional(),
  surveys: SurveySettingsSchema.optional(),
  ...SystemFieldsSchema.shape,
});
export type TenantSettingsRecord = z.infer<typeof TenantSettingsRecordSchema>;

/** The settings as the API gives them, with the version to send back in If-Match (0: never changed). */
export const TenantSettingsSchema = z
  .object({
    ...SettingsFields,
    /** As the admin set them; empty: the members' domains. */
    ownDomains: OwnDomainsSchema,
    /** Send-time checks name an open deal with no activity for more than this many days (default 14). */
    staleDealDays: StaleDealDaysSchema,
    /** Addresses and domains (with their subdomains) whose mail is never logged, for everyone in the tenant (default none). */
    neverLog: NeverLogEntriesSchema,
    /** The largest file kept, and the most of one e-mail's attachments, in MB (default 25 and 50). */
    documentLimits: DocumentLimitsSchema,
    /** The colours of goals' pace, in percent (default orange below 70, green from 100). */
    goalBands: GoalBandsSchema,
    /** How quotes are made and what they say about the seller (default: no taxes, valid 30 days, in English). */
    quotes: QuoteSettingsSchema,
    /** How many days before a service contract ends its owner gets a renewal task (default 60). */
    contractRenewalDays: ContractRenewalDaysSchema,
    /** What a case is promised when its customer has no service contract in force (default 8 h response, 72 h resolution). */
    serviceLevel: DefaultServiceLevelSchema,
    /** Customer satisfaction surveys (default: no CSAT on close; one survey per contact in 30 days; NPS per company every 90; links valid 14 days). */
    surveys: SurveySettingsSchema,
    version: z.number().int().min(0),
  })
  .meta({ id: 'TenantSettings' });
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

/** Checks a whole settings value (after a patch is applied) against the same rules. */
export const isValidSettings = (settings: { reportingCurrency: string; exchangeRates: readonly { currency: string; month: string }[] }) =>
  z.object(SettingsFields).superRefine(checkRates).safeParse(settings);
