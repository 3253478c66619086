import { useState } from 'react';
import type { Product } from '@rapport/shared';
import { useI18n } from '../i18n/I18nContext';
import { parseAmount } from '../i18n/parse-amount';

/** A product as typed: the price as the user writes it (1,250.50 in English, 1.250,50 in Spanish). */
export type ProductDraft = { name: string; series: string; price: string; currency: string };
export type ProductField = 'name' | 'unitPrice' | 'currency' | 'series';
export type ProductChanges = { name?: string; series?: string | null; unitPrice?: number; currency?: string };

/**
 * The fields of a product being added or changed, what each needs before anything is sent, and the fields changed
 * from `base` (the product as the editor opened on it, so a reload never turns another's change back).
 */
export function useProductDraft(base: Product | null, defaultCurrency: string) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState<ProductDraft>(() => ({
    name: base?.name ?? '',
    series: base?.series ?? '',
    price: base ? new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(base.unitPrice) : '',
    currency: base?.currency ?? '',
  }));
  const draft = { ...typed, currency: typed.currency || defaultCurrency };
  const price = parseAmount(draft.price, locale);
  const problems: Partial<Record<ProductField, string>> = {
    ...(draft.name.trim() === '' ? { name: t('products.nameRequired') } : {}),
    ...(price === null || Number.isNaN(price) || price < 0 ? { unitPrice: t('products.priceInvalid') } : {}),
  };
  const fields = { name: draft.name.trim(), series: draft.series.trim(), unitPrice: price ?? Number.NaN, currency: draft.currency };
  const changes: ProductChanges = {};
  if (fields.name !== (base?.name ?? '')) changes.name = fields.name;
  if (fields.series !== (base?.series ?? '')) changes.series = fields.series || (base ? null : undefined);
  if (fields.unitPrice !== base?.unitPrice) changes.unitPrice = fields.unitPrice;
  if (fields.currency !== base?.currency) changes.currency = fields.currency;
  if (changes.series === undefined) delete changes.series;
  return {
    draft,
    // The currency stays the default (read with the settings, maybe later) until one is picked.
    edit: (patch: Partial<ProductDraft>) => setTyped((current) => ({ ...current, ...patch })),
    problems,
    valid: Object.keys(problems).length === 0,
    /** The product as typed, trimmed and its price read. */
    fields,
    changes,
  };
}
