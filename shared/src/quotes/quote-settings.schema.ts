import { z } from 'zod';
import { IdSchema, longText, shortText } from '../common/record.schema';
import { memberLanguages } from '../members/preferences.rules';
import {
  DEFAULT_QUOTE_VALIDITY_DAYS,
  QUOTE_LOGO_MAX_CHARS,
  QUOTE_SELLER_ADDRESS_MAX,
  QUOTE_SELLER_NAME_MAX,
  QUOTE_TAX_RATES_MAX,
  QUOTE_TAX_RATE_NAME_MAX,
  QUOTE_TERMS_MAX,
  QUOTE_VALIDITY_DAYS_MAX,
} from './quote.rules';
import { PercentSchema } from './quote.schema';

/** A tax rate the tenant charges, offered on every quote line ("VAT 21%"). */
export const TaxRateSchema = z.strictObject({ name: shortText(QUOTE_TAX_RATE_NAME_MAX), percent: PercentSchema });

/**
 * What the tenant's quotes say about the seller and how they are made: the name, address and logo at the top of the
 * document, the tax rates offered, the default validity and terms, the stage an accepted quote moves its deal to, and
 * the language for customers whose own is unknown.
 */
export const QuoteSettingsSchema = z.strictObject({
  sellerName: shortText(QUOTE_SELLER_NAME_MAX).optional(),
  /** As printed under the name, lines separated by line breaks. */
  sellerAddress: longText(QUOTE_SELLER_ADDRESS_MAX).optional(),
  logo: z
    .string()
    .max(QUOTE_LOGO_MAX_CHARS, 'a logo of about 100 KB at most')
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'a PNG or JPEG image as a data URL')
    .optional(),
  taxRates: z.array(TaxRateSchema).max(QUOTE_TAX_RATES_MAX),
  /** The rate a new line starts with (0 when absent). */
  defaultTaxPercent: PercentSchema.optional(),
  validityDays: z.number().int().min(1).max(QUOTE_VALIDITY_DAYS_MAX),
  paymentTerms: longText(QUOTE_TERMS_MAX).optional(),
  /** The stage an accepted quote moves its deal to; the pipeline's first won stage when absent. */
  acceptedStage: IdSchema.optional(),
  language: z.enum(memberLanguages),
});
export type QuoteSettings = z.infer<typeof QuoteSettingsSchema>;

export const defaultQuoteSettings: QuoteSettings = { taxRates: [], validityDays: DEFAULT_QUOTE_VALIDITY_DAYS, language: 'en' };
