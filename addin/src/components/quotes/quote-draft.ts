import type { MemberLanguage } from '@rapport/shared/members/preferences.rules';
import { fitsCurrency } from '@rapport/shared/money/money.rules';
import type { Quote, QuoteLine } from '@rapport/shared/quotes/quote.schema';
import { QUOTE_LINE_DESCRIPTION_MAX, QUOTE_LINE_NAME_MAX, QUOTE_NOTES_MAX, QUOTE_TERMS_MAX } from '@rapport/shared/quotes/quote.rules';
import { quoteTotals, type QuoteLineFigures, type QuoteTotals } from '@rapport/shared/quotes/quote-totals.rules';
import type { ChangeInput } from '../../api/api-types';
import { parseAmount } from '../../i18n/parse-amount';

// A draft quote as the rep types it: numbers as text in their language ("1.234,50"), read with the same rules the API
// checks, so the totals shown while typing are the ones the server will compute (quote-totals.rules).

/** One line as typed. `key` keeps a line's fields in place while lines above it are removed. */
export type LineDraft = {
  key: string;
  productId?: string | undefined;
  description?: string | undefined;
  name: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxPercent: string;
};

export type QuoteDraft = {
  /** The contact the quote is addressed to, among the deal's; '' for none. */
  contactId: string;
  lines: LineDraft[];
  discountPercent: string;
  validUntil: string;
  language: MemberLanguage;
  currency: string;
  paymentTerms: string;
  notes: string;
};

/** What a field needs, by the path the API names it with (`lines.0.quantity`): the key of the message that says it. */
export type DraftProblem = 'name' | 'description' | 'quantity' | 'price' | 'decimals' | 'percent' | 'date';
export type DraftProblems = Record<string, DraftProblem>;

let keys = 0;
const nextKey = () => `line-${++keys}`;

/** A number as the rep reads it in their language, without grouping: 1234,5 (es), 1234.5 (en). */
export function numberText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 4 }).format(value);
}

export function draftOf(quote: Quote, locale: string): QuoteDraft {
  return {
    contactId: quote.contactId ?? '',
    lines: quote.lines.map((line) => lineDraftOf(line, locale)),
    discountPercent: numberText(quote.discountPercent, locale),
    validUntil: quote.validUntil,
    language: quote.language,
    currency: quote.currency,
    paymentTerms: quote.paymentTerms ?? '',
    notes: quote.notes ?? '',
  };
}

function lineDraftOf(line: QuoteLine, locale: string): LineDraft {
  return {
    key: nextKey(),
    ...(line.productId ? { productId: line.productId } : {}),
    ...(line.description ? { description: line.description } : {}),
    name: line.name,
    quantity: numberText(line.quantity, locale),
    unitPrice: numberText(line.unitPrice, locale),
    discountPercent: numberText(line.discountPercent, locale),
    taxPercent: numberText(line.taxPercent, locale),
  };
}

/** A new, empty line at the tenant's default tax rate. */
export function newLine(taxPercent: number, locale: string): LineDraft {
  return { key: nextKey(), name: '', quantity: '1', unitPrice: '', discountPercent: '0', taxPercent: numberText(taxPercent, locale) };
}

const fourDecimals = (value: number) => Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-4;

/** A percentage as typed, or null when it is not one (0–100, four decimals at most). */
function percentOf(text: string, locale: string): number | null {
  const value = parseAmount(text, locale) ?? 0;
  return Number.isFinite(value) && value >= 0 && value <= 100 && fourDecimals(value) ? value : null;
}

/** A line's description as it is saved: trimmed; '' when there is none. */
function lineDescription(line: LineDraft): string {
  return (line.description ?? '').trim();
}

/** The figures of a line as typed, and what each field needs. A field that does not read counts as 0 in the totals. */
function readLine(line: LineDraft, currency: string, locale: string) {
  const problems: Partial<Record<keyof LineDraft, DraftProblem>> = {};
  const quantity = parseAmount(line.quantity, locale);
  if (quantity === null || !Number.isFinite(quantity) || quantity <= 0 || quantity > 1_000_000 || !fourDecimals(quantity)) problems.quantity = 'quantity';
  const unitPrice = parseAmount(line.unitPrice, locale);
  if (unitPrice === null || !Number.isFinite(unitPrice) || unitPrice < 0 || unitPrice > 1e11) problems.unitPrice = 'price';
  else if (!fitsCurrency(unitPrice, currency)) problems.unitPrice = 'decimals';
  const discountPercent = percentOf(line.discountPercent, locale);
  if (discountPercent === null) problems.discountPercent = 'percent';
  const taxPercent = percentOf(line.taxPercent, locale);
  if (taxPercent === null) problems.taxPercent = 'percent';
  if (line.name.trim() === '' || line.name.trim().length > QUOTE_LINE_NAME_MAX) problems.name = 'name';
  if (lineDescription(line).length > QUOTE_LINE_DESCRIPTION_MAX) problems.description = 'description';
  const figures: QuoteLineFigures = {
    quantity: problems.quantity ? 0 : (quantity as number),
    unitPrice: problems.unitPrice ? 0 : (unitPrice as number),
    discountPercent: discountPercent ?? 0,
    taxPercent: taxPercent ?? 0,
  };
  return { figures, problems };
}

/** What the draft comes to and what it needs: its totals as the server will compute them, and each field's problem. */
export function readDraft(draft: QuoteDraft, locale: string): { totals: QuoteTotals | null; problems: DraftProblems; lines: QuoteLine[] } {
  const problems: DraftProblems = {};
  const lines: QuoteLine[] = [];
  const figures = draft.lines.map((line, index) => {
    const read = readLine(line, draft.currency, locale);
    for (const [field, problem] of Object.entries(read.problems)) problems[`lines.${index}.${field}`] = problem;
    // A description left empty (or only spaces) is none: the line is saved without one.
    const description = lineDescription(line);
    lines.push({
      ...(line.productId ? { productId: line.productId } : {}),
      name: line.name.trim(),
      ...(description ? { description } : {}),
      ...read.figures,
    });
    return read.figures;
  });
  const discount = percentOf(draft.discountPercent, locale);
  if (discount === null) problems.discountPercent = 'percent';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.validUntil)) problems.validUntil = 'date';
  let totals: QuoteTotals | null;
  try {
    totals = quoteTotals(figures, discount ?? 0, draft.currency);
  } catch {
    // Beyond what adds up exactly: the server refuses it too; its field says why.
    totals = null;
  }
  return { totals, problems, lines };
}

/** A line's fields in one order, so that two lines compare by their values. */
const canonical = (line: QuoteLine) =>
  JSON.stringify([line.productId ?? null, line.name, line.description ?? null, line.quantity, line.unitPrice, line.discountPercent, line.taxPercent]);
const sameLines = (a: readonly QuoteLine[], b: readonly QuoteLine[]) => a.length === b.length && a.every((line, index) => canonical(line) === canonical(b[index] as QuoteLine));

/** The draft's changes from the quote as saved, as the API takes them (a cleared text is null). */
export function changesOf(quote: Quote, draft: QuoteDraft, lines: QuoteLine[], locale: string): ChangeInput<'quote'> {
  const text = (typed: string, saved: string | undefined, max: number) => {
    const value = typed.trim().slice(0, max);
    return value === (saved ?? '') ? undefined : value === '' ? null : value;
  };
  const discount = percentOf(draft.discountPercent, locale) ?? quote.discountPercent;
  const paymentTerms = text(draft.paymentTerms, quote.paymentTerms, QUOTE_TERMS_MAX);
  const notes = text(draft.notes, quote.notes, QUOTE_NOTES_MAX);
  const contactId = draft.contactId === (quote.contactId ?? '') ? undefined : draft.contactId === '' ? null : draft.contactId;
  return {
    ...(contactId !== undefined ? { contactId } : {}),
    // A new currency goes with the lines' prices, as typed, in it: prices are never kept in a currency they were not set in.
    ...(sameLines(lines, quote.lines) && draft.currency === quote.currency ? {} : { lines }),
    ...(discount !== quote.discountPercent ? { discountPercent: discount } : {}),
    ...(draft.validUntil !== quote.validUntil ? { validUntil: draft.validUntil } : {}),
    ...(draft.language !== quote.language ? { language: draft.language } : {}),
    ...(draft.currency !== quote.currency ? { currency: draft.currency } : {}),
    ...(paymentTerms !== undefined ? { paymentTerms } : {}),
    ...(notes !== undefined ? { notes } : {}),
  };
}
