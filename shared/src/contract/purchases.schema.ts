import { z } from 'zod';
import { DealSchema } from '../deals/deal.schema';
import { OrderSchema } from '../orders/order.schema';
import { IdParamsSchema } from './common.schema';
import { defineRoute } from './route';

export const PurchasesResponseSchema = z
  .object({
    /**
     * The company's orders, newest first, with their status and tracking (absent from servers of the previous release).
     * A won deal whose quote became an order is among `deals` too: a client shows it once, by its order.
     */
    orders: z.array(OrderSchema).optional(),
    /** The company's won deals, latest close first, with their line items. */
    deals: z.array(DealSchema),
    /** Names of the products on those deals, by id. */
    products: z.record(z.string(), z.object({ name: z.string() })),
    /** Display names of the reps who won them, by member id. */
    owners: z.record(z.string(), z.object({ displayName: z.string() })),
    /** True when the company has more deals than one answer reads. */
    capped: z.boolean(),
  })
  .meta({ id: 'Purchases' });
export type PurchasesResponse = z.infer<typeof PurchasesResponseSchema>;

export const companyPurchasesRoute = defineRoute({
  name: 'company-purchases',
  method: 'GET',
  path: '/api/companies/{id}/purchases',
  summary: "A company's purchase history: its orders with their status and tracking, and its won deals with products, dates, prices and reps",
  tag: 'Company',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: PurchasesResponseSchema, description: 'The purchases, latest first' },
});
