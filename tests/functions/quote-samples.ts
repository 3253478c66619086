import { defaultQuoteSettings, quoteTotals, type MemberLanguage, type Quote, type QuoteLine } from '@rapport/shared';
import { quoteDocumentOf, type QuoteDocument } from '../../functions/src/quotes/quote-document';

/** A valid 1×1 PNG, as a tenant's logo setting holds it. */
export const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export type SampleLine = Pick<QuoteLine, 'name'> & Partial<QuoteLine>;

export type SampleOptions = {
  language?: MemberLanguage;
  currency?: string;
  lines?: SampleLine[];
  discountPercent?: number;
  sellerName?: string;
  sellerAddress?: string;
  logo?: string;
  contactName?: string;
  companyName?: string;
  paymentTerms?: string;
  notes?: string;
};

/**
 * A sent quote's document, made the way the server makes it: a quote record whose totals come from quoteTotals, and
 * quoteDocumentOf over it with the tenant's settings.
 */
export function sampleQuoteDocument(options: SampleOptions = {}): QuoteDocument {
  const currency = options.currency ?? 'EUR';
  const language = options.language ?? 'en';
  const lines: QuoteLine[] = (options.lines ?? [{ name: 'Consulting day', unitPrice: 410.5, quantity: 3 }]).map((line) => ({ quantity: 1, unitPrice: 100, discountPercent: 0, taxPercent: 21, ...line }));
  const discountPercent = options.discountPercent ?? 0;
  const at = '2026-11-30T09:15:00.000Z';
  const quote: Quote = {
    tenantId: 'tenant-a',
    id: 'quote-1',
    createdAt: at,
    createdBy: 'rep-1',
    updatedAt: at,
    updatedBy: 'rep-1',
    ownerId: 'rep-1',
    version: 2,
    dealId: 'deal-1',
    number: 1042,
    revision: 2,
    language,
    currency,
    validUntil: '2026-12-30',
    lines,
    discountPercent,
    status: 'sent',
    totals: quoteTotals(lines, discountPercent, currency),
    sentAt: at,
    ...(options.paymentTerms ? { paymentTerms: options.paymentTerms } : {}),
    ...(options.notes ? { notes: options.notes } : {}),
  };
  const settings = {
    ...defaultQuoteSettings,
    sellerName: options.sellerName ?? 'Müller & Söhne GmbH',
    sellerAddress: options.sellerAddress ?? 'Rua Augusta 1500\nSão Paulo, SP',
    ...(options.logo ? { logo: options.logo } : {}),
  };
  return quoteDocumentOf(quote, settings, { contactName: options.contactName ?? 'Zofia Łódź', companyName: options.companyName ?? 'Győr Kft.', fallbackSellerName: 'Rapport' });
}

/** `count` lines named "Product 001", "Product 002"… with a description on every third. */
export function manyLines(count: number): SampleLine[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Product ${String(index + 1).padStart(3, '0')}`,
    ...(index % 3 === 0 ? { description: 'Installed on site, with a year of support included' } : {}),
    quantity: (index % 4) + 1,
    unitPrice: 19.99 + index,
    discountPercent: index % 5 === 0 ? 10 : 0,
    taxPercent: index % 2 === 0 ? 21 : 10,
  }));
}
