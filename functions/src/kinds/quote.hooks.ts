import {
  CrmError,
  TENANT_SETTINGS_ID,
  defaultQuoteSettings,
  fitsCurrency,
  invalidField,
  languageOfCountry,
  minorDigits,
  quoteReference,
  quoteTotals,
  type Deal,
  type MemberLanguage,
  type Quote,
  type QuoteLine,
  type QuoteSettings,
  type QuoteTotals,
  AMOUNT_MAX,
  toMinor,
} from '@rapport/shared';
import type { Store } from '../store/store';
import { customerLanguageOf } from '../services/customer-language';
import type { Actor, Draft, KindHooks, PrepareContext } from './kind-hooks';

// What a new version takes from the one it replaces, unless the request gives it.
const CONTENT_FIELDS = ['contactId', 'language', 'currency', 'validUntil', 'lines', 'discountPercent', 'paymentTerms', 'notes'] as const;

export const quoteHooks: KindHooks<'quote'> = {
  prepare: async (fields, context) => {
    const { previous, origin, requested } = context;
    if (previous && origin === 'request') refuseChangeOf(previous);
    // Prices are in the currency they were given in: a new currency comes with its lines' prices in it.
    if (previous && requested.currency !== undefined && requested.currency !== previous.currency && requested.lines === undefined && (previous.lines.length > 0)) {
      throw currencyWithoutPrices(String(requested.currency), previous.currency);
    }
    const drafted = previous ? fields : await newQuote(fields, context);
    const currency = String(drafted.currency);
    const lines = (drafted.lines ?? []) as QuoteLine[];
    const line = lines.findIndex((candidate) => !fitsCurrency(candidate.unitPrice, currency));
    if (line >= 0) {
      throw invalidField('QUOTE.AMOUNT_PRECISION', `lines.${line}.unitPrice`, `${currency} amounts have ${minorDigits(currency)} decimals at most: ${lines[line]?.unitPrice} has more.`);
    }
    // Totals are the server's, whatever a client computed: the pane shows the same rules' figures as the rep types.
    return { ...drafted, totals: boundedTotals(lines, Number(drafted.discountPercent ?? 0), currency) };
  },
  // A sent quote is what the customer has: it stays on record (a new version replaces it); only a draft goes.
  refuseDelete: (quote) => (quote.status === 'draft' ? null : refusedChange(quote, 'deleted')),
};

/** The totals, or QUOTE.TOO_LARGE when they go beyond what a deal's amount holds (or what adds up exactly). */
function boundedTotals(lines: readonly QuoteLine[], discountPercent: number, currency: string): QuoteTotals {
  const tooLarge = () => invalidField('QUOTE.TOO_LARGE', 'lines', `This quote comes to more than ${AMOUNT_MAX.toLocaleString('en')} ${currency}, the most an amount holds: split it into several quotes.`);
  let totals: QuoteTotals;
  try {
    totals = quoteTotals(lines, discountPercent, currency);
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw error;
  }
  if (totals.total > toMinor(AMOUNT_MAX, currency)) throw tooLarge();
  return totals;
}

function currencyWithoutPrices(currency: string, pricedIn: string): CrmError {
  return invalidField('QUOTE.CURRENCY_MISMATCH', 'currency', `The lines are priced in ${pricedIn}: send them with their prices in ${currency} together with the new currency.`);
}

/** A sent quote changes only by a new version; an answered one never. */
function refuseChangeOf(quote: Quote): void {
  if (quote.status !== 'draft') throw refusedChange(quote, 'changed');
}

function refusedChange(quote: Quote, how: 'changed' | 'deleted'): CrmError {
  if (quote.status === 'accepted' || quote.status === 'declined') {
    return new CrmError('conflict', 'QUOTE.ANSWERED', `${quoteReference(quote)} was ${quote.status} by the customer: it stays on record and cannot be ${how}. Make a new quote for the deal.`, { status: quote.status });
  }
  return new CrmError('conflict', 'QUOTE.NOT_DRAFT', `${quoteReference(quote)} was sent to the customer: it stays on record and cannot be ${how}; make a new version of it instead.`, { status: quote.status });
}

/** A new quote's fields: a new version's from the one it replaces, a first version's from its deal and the settings. */
async function newQuote(fields: Draft<'quote'>, { store, actor, now }: PrepareContext<'quote'>): Promise<Draft<'quote'>> {
  const deal = await store.get('deal', actor.tenantId, String(fields.dealId));
  // A deal that does not exist is named by the writer's reference check, with the kind's own code.
  if (!deal) return { ...fields, status: 'draft', revision: 1, currency: fields.currency ?? 'USD', language: fields.language ?? 'en', validUntil: fields.validUntil ?? now.slice(0, 10), lines: fields.lines ?? [], discountPercent: fields.discountPercent ?? 0 };
  const base = { ...fields, status: 'draft' as const, ...(deal.companyId ? { companyId: deal.companyId } : {}) };
  if (fields.revisionOf) return { ...(await revisionFields(store, actor, deal, String(fields.revisionOf), fields)), ...withoutUnset(base) };
  if (fields.currency !== undefined && fields.currency !== deal.currency && fields.lines === undefined && deal.lineItems.length > 0) throw currencyWithoutPrices(fields.currency, deal.currency);
  const settings = await quoteSettingsOf(store, actor.tenantId);
  const contactId = fields.contactId ?? deal.contactIds[0];
  return {
    ...base,
    revision: 1,
    ...(contactId ? { contactId } : {}),
    currency: fields.currency ?? deal.currency,
    language: fields.language ?? (await languageFor(store, actor.tenantId, contactId, deal, settings)),
    validUntil: fields.validUntil ?? addDays(now, settings.validityDays),
    lines: fields.lines ?? (await linesOfDeal(store, actor.tenantId, deal, settings)),
    discountPercent: fields.discountPercent ?? 0,
    ...(fields.paymentTerms ?? settings.paymentTerms ? { paymentTerms: fields.paymentTerms ?? settings.paymentTerms } : {}),
  };
}

async function revisionFields(store: Store, actor: Actor, deal: Deal, id: string, fields: Draft<'quote'>): Promise<Draft<'quote'>> {
  const replaced = await store.get('quote', actor.tenantId, id);
  if (!replaced || replaced.dealId !== deal.id) {
    throw invalidField('QUOTE.NOT_REVISABLE', 'revisionOf', `There is no quote ${id} for this deal to make a new version of.`);
  }
  if ((replaced.status !== 'sent' && replaced.status !== 'declined') || replaced.supersededBy) {
    const why = replaced.status === 'draft' ? 'it is a draft: change it instead' : replaced.status === 'accepted' ? 'the customer accepted it' : 'a newer version replaced it';
    throw new CrmError('conflict', 'QUOTE.NOT_REVISABLE', `${quoteReference(replaced)} cannot have a new version: ${why}.`, { status: replaced.status });
  }
  if (fields.currency !== undefined && fields.currency !== replaced.currency && fields.lines === undefined) throw currencyWithoutPrices(fields.currency, replaced.currency);
  const copied: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) if (replaced[field] !== undefined) copied[field] = replaced[field];
  return { ...copied, number: replaced.number, revision: replaced.revision + 1 } as Draft<'quote'>;
}

export async function quoteSettingsOf(store: Store, tenantId: string): Promise<QuoteSettings> {
  const settings = await store.get('settings', tenantId, TENANT_SETTINGS_ID);
  return settings?.quotes ?? defaultQuoteSettings;
}

/** The contact's own language, else their company's (or the deal's company's) country's, else the tenant's. */
async function languageFor(store: Store, tenantId: string, contactId: string | undefined, deal: Deal, settings: QuoteSettings): Promise<MemberLanguage> {
  const contact = contactId ? await store.get('contact', tenantId, contactId) : null;
  return customerLanguageOf(store, tenantId, contact, contact?.companyId ?? deal.companyId, settings.language);
}

/** The deal's lines, named from the catalog, at the tenant's default tax rate. */
async function linesOfDeal(store: Store, tenantId: string, deal: Deal, settings: QuoteSettings): Promise<QuoteLine[]> {
  const products = new Map((await store.getMany('product', tenantId, [...new Set(deal.lineItems.map((item) => item.productId))])).map((product) => [product.id, product]));
  return deal.lineItems.map((item) => {
    const product = products.get(item.productId);
    return {
      productId: item.productId,
      // A product gone from the catalog is named so; the rep names the line in the draft.
      name: product?.name ?? 'Product no longer in the catalog',
      // A deal's line may carry more decimals than a quote keeps (four).
      quantity: Math.max(0.0001, fourDecimals(item.quantity)),
      unitPrice: item.unitPrice,
      discountPercent: fourDecimals(item.discountPercent),
      taxPercent: settings.defaultTaxPercent ?? 0,
    };
  });
}

function fourDecimals(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function withoutUnset<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function addDays(now: string, days: number): string {
  return new Date(Date.parse(now) + days * 86_400_000).toISOString().slice(0, 10);
}
