import { z } from 'zod';
import { AmountSchema, CurrencySchema, DateSchema, IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText, withoutControlCharacters } from '../common/record.schema';
import { memberLanguages } from '../members/preferences.rules';
import {
  QUOTE_LINES_MAX,
  QUOTE_LINE_DESCRIPTION_MAX,
  QUOTE_LINE_NAME_MAX,
  QUOTE_NOTES_MAX,
  QUOTE_TERMS_MAX,
  quoteStatuses,
} from './quote.rules';

// Percentages and quantities with at most four decimals: the arithmetic keeps them exact (quote-totals.rules).
const fourDecimals = (schema: z.ZodNumber) =>
  schema.refine((value) => Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-4, 'must have at most four decimals');
export const PercentSchema = fourDecimals(z.number().finite().min(0).max(100));

/** A line of a quote: what is sold, how many, at what price, less what discount, under which tax rate. */
export const QuoteLineSchema = z.strictObject({
  productId: IdSchema.optional(),
  name: shortText(QUOTE_LINE_NAME_MAX),
  description: longText(QUOTE_LINE_DESCRIPTION_MAX).optional(),
  quantity: fourDecimals(z.number().finite().positive().max(1_000_000)),
  /** In major units of the quote's currency, and in its minor unit (no half yen). */
  unitPrice: AmountSchema,
  discountPercent: PercentSchema.default(0),
  taxPercent: PercentSchema.default(0),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

const QuoteContentFields = {
  contactId: IdSchema.optional(),
  /** The customer's language: what the document and its page are written in. */
  language: z.enum(memberLanguages).optional(),
  currency: CurrencySchema.optional(),
  validUntil: DateSchema.optional(),
  lines: z.array(QuoteLineSchema).max(QUOTE_LINES_MAX).optional(),
  /** A discount over the whole quote, after the lines' own. */
  discountPercent: PercentSchema.optional(),
  paymentTerms: longText(QUOTE_TERMS_MAX).optional(),
  notes: longText(QUOTE_NOTES_MAX).optional(),
};

/**
 * A new quote for a deal. What is left out comes from the deal and the tenant's settings: the deal's lines (named from
 * the catalog) with the default tax rate, its currency, the contact's language, a validity of the tenant's days. With
 * `revisionOf`, a new version of a sent quote: the same number, the next version, its content unless given.
 */
export const QuoteInputSchema = z.strictObject({
  dealId: IdSchema,
  revisionOf: IdSchema.optional(),
  ...QuoteContentFields,
});
export type QuoteInput = z.input<typeof QuoteInputSchema>;

/** Only a draft changes; a sent quote changes by a new version (`revisionOf`). */
export const QuotePatchSchema = patchSchemaOf(z.strictObject(QuoteContentFields));

/** The customer's answer, as the public page recorded it. */
export const QuoteAnswerSchema = z.object({
  decision: z.enum(['accepted', 'declined']),
  /** The name the customer typed. */
  name: z.string().max(200).optional(),
  reason: z.string().max(2_000).optional(),
  at: TimestampSchema,
  /** The version answered, and the SHA-256 of its content as the customer read it. */
  revision: z.number().int().min(1),
  contentHash: z.string().max(100),
});
export type QuoteAnswer = z.infer<typeof QuoteAnswerSchema>;

const MinorSchema = z.number().int();

export const QuoteTotalsSchema = z.object({
  subtotal: MinorSchema,
  discount: MinorSchema,
  net: MinorSchema,
  taxes: z.array(z.object({ percent: z.number(), base: MinorSchema, tax: MinorSchema })),
  tax: MinorSchema,
  total: MinorSchema,
  lines: z.array(z.object({ gross: MinorSchema, lineDiscount: MinorSchema, overallDiscount: MinorSchema, net: MinorSchema, tax: MinorSchema })),
});

export const QuoteSchema = z
  .object({
    dealId: IdSchema,
    companyId: IdSchema.optional(),
    contactId: IdSchema.optional(),
    /** Per tenant; every version of a quote keeps its number. */
    number: z.number().int().min(1),
    revision: z.number().int().min(1),
    /** The version this one replaces. */
    revisionOf: IdSchema.optional(),
    language: z.enum(memberLanguages),
    currency: CurrencySchema,
    validUntil: DateSchema,
    lines: z.array(QuoteLineSchema).max(QUOTE_LINES_MAX),
    discountPercent: PercentSchema,
    paymentTerms: longText(QUOTE_TERMS_MAX).optional(),
    notes: longText(QUOTE_NOTES_MAX).optional(),
    status: z.enum(quoteStatuses),
    /** Computed by the server from the lines, in minor units of the currency. */
    totals: QuoteTotalsSchema,
    sentAt: TimestampSchema.optional(),
    /** The key of the quote's public page (set when it is sent). */
    publicKey: z.string().max(64).optional(),
    /** When the customer first and last opened the page (time only: nothing about who or where). */
    firstOpenedAt: TimestampSchema.optional(),
    lastOpenedAt: TimestampSchema.optional(),
    answer: QuoteAnswerSchema.optional(),
    /** When what follows the customer's answer (the deal, the timeline, the rep's task) was done. */
    followedUpAt: TimestampSchema.optional(),
    /** The newer version that replaced this one. */
    supersededBy: IdSchema.optional(),
    ...SystemFieldsSchema.shape,
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof QuoteSchema>;

const LINE_BREAK = /[\r\n\t]/;

/** A customer's acceptance on the public page: the name they type and the terms they tick. */
export const QuoteAcceptanceSchema = z.strictObject({
  name: shortText(200).refine((name) => withoutControlCharacters(name) && !LINE_BREAK.test(name), 'a name on one line, without control characters'),
  // A page's checkbox sends "on"; a JSON client true.
  acceptTerms: z.union([z.literal(true), z.literal('on')], 'tick the box to accept the terms'),
});

/** A customer's decline on the public page, with the reason if they give one. */
export const QuoteDeclineSchema = z.strictObject({
  reason: longText(2_000)
    .refine(withoutControlCharacters, 'text without control characters')
    .optional(),
});
