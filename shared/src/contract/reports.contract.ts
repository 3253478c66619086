import { z } from 'zod';
import { CurrencySchema, IdSchema, shortText } from '../common/record.schema';
import { reportNames } from '../reports/report-tables.rules';
import { MAX_REPORTS_AT_ONCE } from '../reports/reports-at-once';
import { customerSegments } from '../companies/company-segment.rules';
import { ErrorBodySchema } from './common.schema';
import { defineRoute } from './route';

const MonthSchema = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
/** A report reads at most this many months: its cost stays bounded whatever the tenant's history. */
export const MAX_REPORT_MONTHS = 60;

export const ReportParamsSchema = z.strictObject({ report: z.enum(reportNames) });

const ReportFilterFields = z.strictObject({
  from: MonthSchema.optional(),
  to: MonthSchema.optional(),
  ownerId: IdSchema.optional(),
  team: shortText(100).optional(),
  territoryId: IdSchema.optional(),
  productId: IdSchema.optional(),
  currency: CurrencySchema.optional(),
  /** The campaign reports: only this campaign's funnel. */
  campaignId: IdSchema.optional(),
  /** What the reports on customer demographics group by: industry (the default), country, region, size band or type. */
  segment: z.enum(customerSegments).optional(),
});
const periodInOrder = (query: { from?: string | undefined; to?: string | undefined }) => !query.from || !query.to || query.from <= query.to;

export const ReportQuerySchema = ReportFilterFields.refine(periodInOrder, { message: 'from must not be after to', path: ['to'] });
export type ReportQuery = z.output<typeof ReportQuerySchema>;

const isReportName = (name: string): name is (typeof reportNames)[number] => (reportNames as readonly string[]).includes(name);
const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

export const ReportsQuerySchema = ReportFilterFields.extend({
  /** The reports, by name, separated by commas (each read with the same filters). */
  names: z
    .string()
    .min(1, 'name at least one report')
    .max(MAX_REPORTS_AT_ONCE * 32, `name at most ${MAX_REPORTS_AT_ONCE} reports`)
    .superRefine((names, context) => {
      const list = names.split(',');
      const unknown = list.filter((name) => !isReportName(name));
      const twice = list.filter((name, index) => list.indexOf(name) !== index);
      if (unknown.length > 0) context.addIssue({ code: 'custom', message: `no report is called ${quoted(unknown)}: name reports separated by commas, without spaces (${reportNames.join(', ')})` });
      if (twice.length > 0) context.addIssue({ code: 'custom', message: `name each report once (${quoted([...new Set(twice)])} more than once)` });
      if (list.length > MAX_REPORTS_AT_ONCE) context.addIssue({ code: 'custom', message: `name at most ${MAX_REPORTS_AT_ONCE} reports (${list.length} named): ask for the rest in another request` });
    }),
}).refine(periodInOrder, { message: 'from must not be after to', path: ['to'] });

/** At most this many of the records a data-quality row counts come with it, each to open. */
export const MAX_QUALITY_RECORDS = 20;

/** A record a report row counts, named as people know it, to open. */
export const CountedRecordSchema = z.object({ kind: z.enum(['contact', 'company', 'deal', 'lead', 'case']), id: z.string(), label: z.string() }).meta({ id: 'CountedRecord' });
export type CountedRecord = z.infer<typeof CountedRecordSchema>;

export const ReportResponseSchema = z
  .object({
    report: z.enum(reportNames),
    /** The period read, first and last month included. */
    from: z.string(),
    to: z.string(),
    /** Money columns are in this currency: the reporting currency, or the one the query picked. */
    currency: z.string(),
    /** Whether amounts in other currencies were converted to `currency` (no currency picked). */
    converted: z.boolean(),
    /** The exchange rates applied (a currency, the month the rate is given for, the rate). */
    ratesUsed: z.array(z.object({ currency: z.string(), month: z.string(), rate: z.string() })),
    /** Currencies whose deals are counted but whose money is not summed, for want of a rate. */
    missingRates: z.array(z.string()),
    /** The deals of the period by currency, whatever the money columns are in. */
    currencies: z.array(z.object({ currency: z.string(), deals: z.number() })),
    filters: z.object({
      ownerId: z.string().optional(),
      team: z.string().optional(),
      territoryId: z.string().optional(),
      productId: z.string().optional(),
      campaignId: z.string().optional(),
      /** The segment the reports on customer demographics grouped by (theirs only, the default named). */
      segment: z.enum(customerSegments).optional(),
    }),
    columns: z.array(z.object({ key: z.string(), kind: z.enum(['count', 'money', 'percent', 'days', 'number']) })),
    /** Values by column key; null where a figure does not exist (a win rate with nothing closed). */
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        values: z.record(z.string(), z.number().nullable()),
        /** Data quality: the first records the row counts (at most MAX_QUALITY_RECORDS), for a person to open and fix. */
        records: z.array(CountedRecordSchema).max(MAX_QUALITY_RECORDS).optional(),
        /** Reports by customer segment: the segment's value the row is about, as written ('' when companies say none). */
        segment: z.string().optional(),
      }),
    ),
    generatedAt: z.string(),
  })
  .meta({ id: 'Report' });
export type ReportResponse = z.infer<typeof ReportResponseSchema>;

export const reportRoute = defineRoute({
  name: 'report',
  method: 'GET',
  path: '/api/reports/{report}',
  summary: 'A report as a table (pipeline, forecast, win rates, contact rates, leads, cases, data quality, customers and prices by segment), filtered by period, team, territory, owner and product',
  tag: 'Reports',
  auth: 'user',
  params: ReportParamsSchema,
  query: ReportQuerySchema,
  success: { status: 200, schema: ReportResponseSchema, description: 'The report: typed columns and one row per group' },
  errors: [403],
});

/** One report of several: its table, or why it could not be read (the error and status a read of it alone answers). */
export const ReportOfSeveralSchema = z
  .union([
    z.object({ report: z.enum(reportNames), status: z.literal(200), result: ReportResponseSchema }),
    z.object({ report: z.enum(reportNames), status: z.number().int().min(400).max(599), error: ErrorBodySchema.shape.error }),
  ])
  .meta({ id: 'ReportOfSeveral' });

export const ReportsResponseSchema = z.object({ items: z.array(ReportOfSeveralSchema) }).meta({ id: 'Reports' });
export type ReportsResponse = z.infer<typeof ReportsResponseSchema>;

export const reportsRoute = defineRoute({
  name: 'reports',
  method: 'GET',
  path: '/api/reports',
  summary: "Several reports with the same filters in one request (a dashboard tab's): each report's table, or the error reading it alone would answer",
  tag: 'Reports',
  auth: 'user',
  query: ReportsQuerySchema,
  success: { status: 200, schema: ReportsResponseSchema, description: 'The reports in the order named, each with its status' },
});
