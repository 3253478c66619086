import { defineKind } from '../kinds/kind-definition';
import { ProductInputSchema, ProductPatchSchema, ProductSchema } from './product.schema';

export const productKind = defineKind(ProductSchema, {
  plural: 'products',
  label: 'Product',
  references: [],
  timeline: false,
  schemaVersion: 1,
  api: {
    input: ProductInputSchema,
    patch: ProductPatchSchema,
    filters: [],
    // The catalog is a setting: everyone reads it, admins keep it.
    write: { role: 'admin', allows: 'change the product catalog' },
    example: { input: (text, n) => ({ name: `${text} Product ${n}`, unitPrice: 550 }), patch: { unitPrice: 600 } },
  },
});
