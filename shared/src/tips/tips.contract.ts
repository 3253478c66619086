import { z } from 'zod';
import { IdSchema, shortText } from '../common/record.schema';
import { IdParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { TIPS_READ_CAP, TOP_TIPS_DEFAULT, TOP_TIPS_MAX, tipMatchKinds, tipOrders } from './tip.rules';
import { TipSchema } from './tip.schema';

export const DealTipsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(TOP_TIPS_MAX).default(TOP_TIPS_DEFAULT),
});

export const DealTipsSchema = z
  .object({
    items: z.array(z.object({ tip: TipSchema, matches: z.array(z.enum(tipMatchKinds)) })),
    /** What the tips were chosen by: the deal's stage, the products on its lines, its company's industry. */
    context: z.object({ stage: z.string(), productIds: z.array(IdSchema), industry: z.string().optional() }),
    /** The tenant has more tips than one answer reads (the newest are ranked): older tips may be left out. */
    capped: z.boolean(),
  })
  .meta({ id: 'DealTips' });
export type DealTips = z.infer<typeof DealTipsSchema>;

export const dealTipsRoute = defineRoute({
  name: 'deal-tips',
  method: 'GET',
  path: '/api/deals/{id}/tips',
  summary: `The team's top tips for a deal: the pinned ones for it or for every deal, then those tagged with its stage, one of its products or its company's industry, the most upvoted and newest first (ranked among the tenant's newest ${TIPS_READ_CAP} tips)`,
  tag: 'Tip',
  auth: 'user',
  params: IdParamsSchema,
  query: DealTipsQuerySchema,
  success: { status: 200, schema: DealTipsSchema, description: 'At most `limit` tips, best first, with what about the deal each is for' },
});

export const TipsBoardQuerySchema = z.strictObject({
  stage: IdSchema.optional(),
  productId: IdSchema.optional(),
  industry: shortText(80).optional(),
  objection: shortText(80).optional(),
  /** After the pinned tips: the newest first, or the most upvoted. */
  order: z.enum(tipOrders).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TipsBoardQuery = z.input<typeof TipsBoardQuerySchema>;

export const TipsBoardSchema = z
  .object({
    items: z.array(TipSchema),
    /** How many tips have the tags asked for (the items are the first `limit` of them). */
    total: z.number().int(),
    /** The industries and objections the tips read are tagged with: what the board can be filtered by. */
    tags: z.object({ industries: z.array(z.string()), objections: z.array(z.string()) }),
    /** The tenant has more tips than one answer reads: the oldest are left out. */
    capped: z.boolean(),
  })
  .meta({ id: 'TipsBoard' });
export type TipsBoard = z.infer<typeof TipsBoardSchema>;

export const tipsBoardRoute = defineRoute({
  name: 'tips-board',
  method: 'GET',
  path: '/api/tips/board',
  summary: `The team's tips board: the tips tagged with a stage, product, industry or objection (any of them, or all tips), pinned first, then the newest or the most upvoted (the tenant's newest ${TIPS_READ_CAP} tips)`,
  tag: 'Tip',
  auth: 'user',
  query: TipsBoardQuerySchema,
  success: { status: 200, schema: TipsBoardSchema, description: 'The board, with the tags it can be filtered by' },
});
