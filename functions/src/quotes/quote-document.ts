import { quoteReference, toMinor, type MemberLanguage, type Quote, type QuoteSettings } from '@rapport/shared';

/**
 * Everything a quote's document shows, in one value: the PDF and the public page are both drawn from it, so they
 * never disagree. Amounts stay in minor units of the currency; the renderers format them in the quote's language.
 */
export type QuoteDocument = {
  /** "Q-1042 v2". */
  reference: string;
  language: MemberLanguage;
  currency: string;
  /** The day it was sent (or made, for a draft), and the last day it can be accepted, as YYYY-MM-DD. */
  issuedOn: string;
  validUntil: string;
  seller: {
    name: string;
    /** Lines of the address. */
    address: string[];
    /** A PNG or JPEG, when the tenant has one. */
    logo?: { contentType: 'image/png' | 'image/jpeg'; bytes: Buffer };
  };
  /** Who the quote is for: the contact's name and their company's, when known. */
  customer: { name?: string; company?: string };
  lines: {
    name: string;
    description?: string;
    quantity: number;
    /** Minor units. */
    unitPrice: number;
    discountPercent: number;
    taxPercent: number;
    /** What the line comes to before tax, after its own discount (minor units). */
    amount: number;
  }[];
  /** Minor units; see `quoteTotals` in shared. */
  totals: {
    subtotal: number;
    discountPercent: number;
    discount: number;
    net: number;
    taxes: { percent: number; base: number; tax: number }[];
    total: number;
  };
  paymentTerms?: string;
  notes?: string;
};

type Names = { contactName?: string | undefined; companyName?: string | undefined; fallbackSellerName: string };

/** The document of a quote, with the tenant's quote settings and the names of whom it is for. */
export function quoteDocumentOf(quote: Quote, settings: QuoteSettings, names: Names): QuoteDocument {
  const logo = logoOf(settings.logo);
  return {
    reference: quoteReference(quote),
    language: quote.language,
    currency: quote.currency,
    issuedOn: (quote.sentAt ?? quote.createdAt).slice(0, 10),
    validUntil: quote.validUntil,
    seller: {
      name: settings.sellerName ?? names.fallbackSellerName,
      address: (settings.sellerAddress ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
      ...(logo ? { logo } : {}),
    },
    customer: { ...(names.contactName ? { name: names.contactName } : {}), ...(names.companyName ? { company: names.companyName } : {}) },
    lines: quote.lines.map((line, index) => ({
      name: line.name,
      ...(line.description ? { description: line.description } : {}),
      quantity: line.quantity,
      unitPrice: toMinor(line.unitPrice, quote.currency),
      discountPercent: line.discountPercent,
      taxPercent: line.taxPercent,
      amount: (quote.totals.lines[index]?.gross ?? 0) - (quote.totals.lines[index]?.lineDiscount ?? 0),
    })),
    totals: {
      subtotal: quote.totals.subtotal,
      discountPercent: quote.discountPercent,
      discount: quote.totals.discount,
      net: quote.totals.net,
      taxes: quote.totals.taxes,
      total: quote.totals.total,
    },
    ...(quote.paymentTerms ? { paymentTerms: quote.paymentTerms } : {}),
    ...(quote.notes ? { notes: quote.notes } : {}),
  };
}

function logoOf(dataUrl: string | undefined): QuoteDocument['seller']['logo'] {
  const match = dataUrl ? /^data:(image\/(?:png|jpeg));base64,(.+)$/.exec(dataUrl) : null;
  return match ? { contentType: match[1] as 'image/png' | 'image/jpeg', bytes: Buffer.from(match[2]!, 'base64') } : undefined;
}
