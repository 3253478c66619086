import { fitsCurrency, invalidField, minorDigits } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const productHooks: KindHooks<'product'> = {
  prepare: (fields) => {
    const currency = String(fields.currency);
    if (fields.unitPrice !== undefined && !fitsCurrency(fields.unitPrice, currency)) {
      throw invalidField('PRODUCT.PRICE_PRECISION', 'unitPrice', `${currency} prices have ${minorDigits(currency)} decimals at most: ${fields.unitPrice} has more.`);
    }
    return fields;
  },
};
