// Plain code, no schema: the pane and the public page read these without loading zod.

/** Where a quote is in its life: drafted, sent to the customer, answered by them, or replaced by a newer version. */
export const quoteStatuses = ['draft', 'sent', 'accepted', 'declined', 'superseded'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

/** Which status may follow which: the customer answers a sent quote once; a newer version replaces a sent one. */
export const quoteStatusFlow: Readonly<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  draft: ['sent'],
  sent: ['accepted', 'declined', 'superseded'],
  accepted: [],
  declined: ['superseded'],
  superseded: [],
};

/** The most lines a quote has (a long bill of materials spans pages). */
export const QUOTE_LINES_MAX = 500;
export const QUOTE_NOTES_MAX = 4_000;
export const QUOTE_TERMS_MAX = 2_000;
export const QUOTE_LINE_NAME_MAX = 200;
export const QUOTE_LINE_DESCRIPTION_MAX = 1_000;
/** How long a quote is valid when the tenant has not said (days after it is sent). */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

/** Where a quote's public page is, under the API's origin: the link a rep puts in the e-mail. */
export const PUBLIC_QUOTES_PATH = '/api/public/quotes';

/** The path of a quote's public page for its key. */
export function publicQuotePath(key: string): string {
  return `${PUBLIC_QUOTES_PATH}/${encodeURIComponent(key)}`;
}

// The limits of the tenant's quote settings (quote-settings.schema.ts), here so the admin's form checks them without zod.
export const QUOTE_SELLER_NAME_MAX = 200;
export const QUOTE_SELLER_ADDRESS_MAX = 500;
export const QUOTE_TAX_RATES_MAX = 20;
export const QUOTE_TAX_RATE_NAME_MAX = 60;
export const QUOTE_VALIDITY_DAYS_MAX = 365;
/** The largest logo kept (a data URL of a PNG or JPEG): enough for a crisp logo, small enough to carry in every document. */
export const QUOTE_LOGO_MAX_CHARS = 140_000;
/** The largest image file whose data URL fits in QUOTE_LOGO_MAX_CHARS (base64 writes 3 bytes as 4 characters). */
export const QUOTE_LOGO_MAX_BYTES = Math.floor((QUOTE_LOGO_MAX_CHARS - 'data:image/jpeg;base64,'.length) / 4) * 3;

/** Whether a percentage is one a quote takes (a discount, a tax rate): 0 to 100, at most four decimals, as PercentSchema. */
export function isQuotePercent(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100 && Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-4;
}

/** How a quote is named to people: "Q-1042 v2". */
export function quoteReference(quote: { number: number; revision: number }): string {
  return `Q-${quote.number}${quote.revision > 1 ? ` v${quote.revision}` : ''}`;
}

/** Whether a quote's validity has run out at `now`: it is valid through the whole of its last day, in UTC. */
export function quoteExpired(quote: { validUntil: string }, now: Date): boolean {
  return now.toISOString().slice(0, 10) > quote.validUntil;
}

/** Whether a quote waits for the customer's answer at `now`: sent, not answered, not replaced, not expired. */
export function quoteAnswerable(quote: { status: QuoteStatus; validUntil: string }, now: Date): boolean {
  return quote.status === 'sent' && !quoteExpired(quote, now);
}

// Countries (ISO 3166 alpha-2, or the names people type) whose customers read Spanish, Portuguese or Italian.
const LANGUAGE_BY_COUNTRY: Readonly<Record<string, 'es' | 'pt' | 'it'>> = {
  ES: 'es', MX: 'es', AR: 'es', CO: 'es', CL: 'es', PE: 'es', VE: 'es', EC: 'es', GT: 'es', CU: 'es', BO: 'es', DO: 'es',
  HN: 'es', PY: 'es', SV: 'es', NI: 'es', CR: 'es', PA: 'es', UY: 'es', PR: 'es', GQ: 'es',
  PT: 'pt', BR: 'pt', AO: 'pt', MZ: 'pt', CV: 'pt', GW: 'pt', ST: 'pt', TL: 'pt',
  IT: 'it', SM: 'it', VA: 'it',
  SPAIN: 'es', ESPAÑA: 'es', MEXICO: 'es', MÉXICO: 'es', ARGENTINA: 'es', COLOMBIA: 'es', CHILE: 'es', PERU: 'es', PERÚ: 'es',
  PORTUGAL: 'pt', BRAZIL: 'pt', BRASIL: 'pt', ITALY: 'it', ITALIA: 'it',
};

/** The language a company's customers read by its country, or null when the country says nothing. */
export function languageOfCountry(country: string | undefined): 'es' | 'pt' | 'it' | null {
  return country ? (LANGUAGE_BY_COUNTRY[country.trim().toUpperCase()] ?? null) : null;
}
