import { z } from 'zod';
import { CurrencySchema, IdSchema, SystemFieldsSchema, TimestampSchema, longText, patchSchemaOf, shortText } from '../common/record.schema';
import { QUOTE_LINES_MAX } from '../quotes/quote.rules';
import { QuoteLineSchema, QuoteTotalsSchema } from '../quotes/quote.schema';
import { ORDER_CARRIER_MAX, ORDER_NOTES_MAX, ORDER_REASON_MAX, ORDER_TRACKING_MAX, orderStatuses } from './order.rules';

/** What users change on an order: where it is, how it travels, and notes. Its content is the accepted quote's. */
const OrderWorkFields = {
  carrier: shortText(ORDER_CARRIER_MAX).optional(),
  trackingNumber: shortText(ORDER_TRACKING_MAX).optional(),
  /** Why it was cancelled: required to cancel it. */
  cancelReason: shortText(ORDER_REASON_MAX).optional(),
  notes: longText(ORDER_NOTES_MAX).optional(),
};

/**
 * An order made by hand from a quote the customer accepted (on its page, or another way: a signed copy of a sent
 * quote). Its lines, totals, deal, company and contact are the quote's; a quote has one order.
 */
export const OrderInputSchema = z.strictObject({
  quoteId: IdSchema,
  notes: OrderWorkFields.notes,
});
export type OrderInput = z.input<typeof OrderInputSchema>;

/** Status, carrier, tracking number, the reason of a cancellation and notes: never the lines or the totals. */
export const OrderPatchSchema = patchSchemaOf(z.strictObject({ status: z.enum(orderStatuses).optional(), ...OrderWorkFields }));
export type OrderPatch = z.input<typeof OrderPatchSchema>;

export const OrderSchema = z
  .object({
    /** Per tenant, its own sequence (a quote's number is the quote's). */
    number: z.number().int().min(1),
    quoteId: IdSchema,
    /** The quote's reference when the order was made ("Q-12 v2"), for reading without the quote. */
    quoteReference: z.string().max(40),
    dealId: IdSchema,
    companyId: IdSchema.optional(),
    contactId: IdSchema.optional(),
    currency: CurrencySchema,
    /** Copied from the quote as the customer accepted it; never recomputed, never changed. */
    lines: z.array(QuoteLineSchema).max(QUOTE_LINES_MAX),
    totals: QuoteTotalsSchema,
    status: z.enum(orderStatuses),
    orderedAt: TimestampSchema,
    shippedAt: TimestampSchema.optional(),
    deliveredAt: TimestampSchema.optional(),
    cancelledAt: TimestampSchema.optional(),
    ...OrderWorkFields,
    ...SystemFieldsSchema.shape,
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof OrderSchema>;
