import type { Deal, LineItem, Product, Quote, QuoteSettings } from '@rapport/shared';
import type { Principal } from '../../auth/principal';
import { PublicQuotesService } from '../../quotes/public-quotes.service';
import type { QuoteRenderer } from '../../quotes/quote-renderer';
import { QuotesService } from '../../quotes/quotes.service';
import { PublicLinks } from '../../services/public-links';
import { RecordService } from '../../services/records.service';
import type { Store } from '../../store/store';
import type { DemoData } from './demo-data';

// The demo's quotes: the demo company's quote settings (seller, UK VAT rates, 30 days, terms), catalog lines on the two
// open deals a quote is made from (the inbox customer's, and the demo user's first), and one quote the demo user sent
// two days ago on their deal, which the customer opened yesterday. It is made and sent by the same code as the pane's
// (the quote's hooks compute its lines and totals; the quotes service sends it), so a fresh demo shows a real quote.

const DAY = 24 * 60 * 60 * 1000;

/** What the demo company's quotes say and start with. */
export const demoQuoteSettings: QuoteSettings = {
  sellerName: 'Rapport Demo Ltd',
  sellerAddress: '1 Example Square\nLondon EC1A 1AA\nUnited Kingdom',
  taxRates: [
    { name: 'VAT 20%', percent: 20 },
    { name: 'Reduced 5%', percent: 5 },
  ],
  defaultTaxPercent: 20,
  validityDays: 30,
  paymentTerms: 'Payment within 30 days of the invoice date, by bank transfer.',
  language: 'en',
};

/** The deal the inbox's "A customer with an open deal" is about: the first open deal with a contact. */
export function demoInboxDeal(deals: readonly Deal[]): Deal | undefined {
  return deals.find((deal) => deal.status === 'open' && deal.contactIds.length > 0);
}

/** The demo user's first open deal with a company: the one with the proposal, the expenses, and now a quote. */
export function demoQuotedDeal(data: Pick<DemoData, 'deals' | 'userId'>): Deal | undefined {
  return data.deals.find((deal) => deal.ownerId === data.userId && deal.status === 'open' && !!deal.companyId);
}

/**
 * A deal's lines from the catalog in its currency: seats (10 % off from a hundred), the onboarding package and two
 * training days, as many seats as bring the lines near the amount typed for it. The amount stays as typed (by hand).
 */
export function withCatalogLines(deal: Deal, products: readonly Product[]): Deal {
  const price = (slug: string) => products.find((product) => product.id.startsWith(`demo-product-${slug}`) && product.currency === deal.currency);
  const seat = price('sales-seat');
  const onboarding = price('onboarding');
  const training = price('training-day');
  if (!seat || !onboarding || !training) return deal;
  const services = onboarding.unitPrice + 2 * training.unitPrice;
  const perSeat = seat.unitPrice * 0.9;
  const seats = Math.max(5, Math.round(((deal.amount ?? 0) - services) / perSeat));
  const lineItems: LineItem[] = [
    { productId: seat.id, quantity: seats, unitPrice: seat.unitPrice, discountPercent: seats >= 100 ? 10 : 0 },
    { productId: onboarding.id, quantity: 1, unitPrice: onboarding.unitPrice, discountPercent: 0 },
    { productId: training.id, quantity: 2, unitPrice: training.unitPrice, discountPercent: 0 },
  ];
  return { ...deal, lineItems };
}

// Quotes are drawn (PDF, page) on request, never while seeding: the seed only makes and sends one.
const notDrawn: QuoteRenderer = {
  pdf: () => Promise.reject(new Error('the demo seed draws no quote documents')),
  page: () => {
    throw new Error('the demo seed draws no quote pages');
  },
};

/**
 * The demo user's quote on their deal: made two days ago from the deal's lines with the tenant's settings, sent an
 * hour later, opened by the customer yesterday. A resumed seed finishes what an interrupted one started. Returns how
 * many quotes the tenant has from the seed.
 */
export async function seedDemoQuotes(store: Store, data: DemoData, now: Date): Promise<number> {
  const deal = demoQuotedDeal(data);
  if (!deal) return 0;
  const id = `${data.tenantId.slice(0, 24)}-quote-1`;
  const principal: Principal = { tenantId: data.tenantId, userId: data.userId, roles: ['rep'] };
  const madeAt = new Date(now.getTime() - 2 * DAY - 3 * 60 * 60 * 1000);
  const sentAt = new Date(madeAt.getTime() + 60 * 60 * 1000);
  const openedAt = new Date(sentAt.getTime() + DAY);
  let quote: Quote | null = await store.get('quote', data.tenantId, id);
  if (!quote) {
    const made = await new RecordService({ store, now: () => madeAt }).writer.add(
      'quote',
      principal,
      { dealId: deal.id, notes: 'Seats start on the day the order is confirmed; onboarding is scheduled within two weeks of it.' },
      { id },
    );
    quote = made.record;
  }
  if (quote.status === 'draft') {
    const sending = new QuotesService({ store, records: new RecordService({ store, now: () => sentAt }), links: new PublicLinks({ store, now: () => sentAt }), renderer: notDrawn, now: () => sentAt });
    quote = await sending.send(principal, id);
  }
  if (quote.publicKey && !quote.firstOpenedAt) {
    const clock = () => openedAt;
    const customer = new PublicQuotesService({ store, writer: new RecordService({ store, now: clock }).writer, links: new PublicLinks({ store, now: clock }), renderer: notDrawn, now: clock });
    await customer.opened(quote.publicKey);
  }
  return 1;
}

/**
 * The inbox customer's service contract: Premium support for their company, in force since ten months and ending in
 * six weeks, so a fresh demo shows the cover on their card and their cases, and the renewal task comes due. Made by
 * the same code as the API's (the contract's hooks number it and queue its renewal).
 */
export async function seedDemoContracts(store: Store, data: DemoData, now: Date): Promise<number> {
  const deal = demoInboxDeal(data.deals);
  if (!deal?.companyId) return 0;
  const id = `${data.tenantId.slice(0, 24)}-contract-1`;
  if (await store.get('contract', data.tenantId, id)) return 1;
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const owner: Principal = { tenantId: data.tenantId, userId: deal.ownerId, roles: ['rep'] };
  await new RecordService({ store, now: () => now }).writer.add(
    'contract',
    owner,
    {
      companyId: deal.companyId,
      name: 'Premium support',
      covered: [{ name: 'Hotline and on-site support' }],
      startDate: day(-300),
      endDate: day(45),
      renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
      serviceLevel: { name: 'Premium support', responseHours: 4, resolutionHours: 24 },
      value: { amount: 1200, currency: deal.currency, period: 'month' },
      cancelled: false,
    },
    { id },
  );
  return 1;
}
