import { z } from 'zod';
import { FirstTouchSchema } from '../campaigns/first-touch.schema';
import {
  AmountSchema,
  CurrencySchema,
  DateSchema,
  IdSchema,
  SystemFieldsSchema,
  TimestampSchema,
  patchSchemaOf,
  shortText,
} from '../common/record.schema';
import { DEAL_NAME_MAX, NEXT_STEP_MAX } from './deal-input.rules';
import { CompanySegmentSchema } from '../companies/company-segment.schema';

export const dealStatuses = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof dealStatuses)[number];

/** A line of a deal as sent: the unit price comes from the product catalog unless given (an override). */
export const LineItemInputSchema = z.strictObject({
  productId: IdSchema,
  quantity: z.number().positive().max(1_000_000),
  unitPrice: AmountSchema.optional(),
  discountPercent: z.number().min(0).max(100).default(0),
});
/** A line of a deal as stored: always priced. */
export const LineItemSchema = LineItemInputSchema.extend({ unitPrice: AmountSchema });
export type LineItem = z.infer<typeof LineItemSchema>;

export const DealInputSchema = z.strictObject({
  name: shortText(DEAL_NAME_MAX),
  companyId: IdSchema.optional(),
  contactIds: z.array(IdSchema).max(50).default([]),
  amount: AmountSchema.optional(),
  /**
   * Whether the amount was typed rather than the lines' total. Sending an amount sets it by hand; `false` makes
   * the amount follow the lines. A hand-set amount never changes because lines do.
   */
  amountSetByHand: z.boolean().optional(),
  currency: CurrencySchema.default('USD'),
  stage: IdSchema,
  // Percent; taken from the stage when not set by hand.
  probability: z.number().int().min(0).max(100).optional(),
  expectedCloseDate: DateSchema.optional(),
  closeReason: shortText(500).optional(),
  /** What happens next to move the deal on ("Send the revised quote by Friday"); optional, so older deals have none. */
  nextStep: shortText(NEXT_STEP_MAX).optional(),
  lineItems: z.array(LineItemInputSchema).max(200).default([]),
  source: shortText(100).optional(),
  /** The campaign the deal came from: its lead's when converted, or set by hand. */
  campaignId: IdSchema.optional(),
  ownerId: IdSchema.optional(),
});
export type DealInput = z.input<typeof DealInputSchema>;

export const DealSchema = z.object({
  ...DealInputSchema.shape,
  lineItems: z.array(LineItemSchema),
  amountSetByHand: z.boolean(),
  ...SystemFieldsSchema.shape,
  probability: z.number().int().min(0).max(100),
  // Derived from the stage's kind by the server.
  status: z.enum(dealStatuses),
  closedAt: TimestampSchema.optional(),
  /** Each stage the deal entered and when, oldest first (kept by the server): time in stage comes from it. */
  stageHistory: z.array(z.object({ stage: IdSchema, enteredAt: TimestampSchema })).optional(),
  /** Its lead's first touch, when it was converted from a lead that came by a tracked link (kept by the server). */
  firstTouch: FirstTouchSchema.optional(),
  /**
   * A won deal's company as the segment reports read it (industry, country, region, employees, type), as it was when the
   * deal was last saved (kept by the server): won business stays under the segment it was won in until the deal is
   * saved again. Open and lost deals have none.
   */
  companySegment: CompanySegmentSchema.optional(),
}).meta({ id: 'Deal' });
export type Deal = z.infer<typeof DealSchema>;

export const DealPatchSchema = patchSchemaOf(DealInputSchema);
export type DealPatch = z.input<typeof DealPatchSchema>;
