import { z } from 'zod';
import { AmountSchema, CurrencySchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';

export const ProductInputSchema = z.strictObject({
  name: shortText(200),
  code: shortText(60).optional(),
  series: shortText(100).optional(),
  unitPrice: AmountSchema,
  currency: CurrencySchema.default('USD'),
  active: z.boolean().default(true),
});
export const ProductSchema = z.object({ ...ProductInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'Product' });
export type Product = z.infer<typeof ProductSchema>;
export const ProductPatchSchema = patchSchemaOf(ProductInputSchema);
