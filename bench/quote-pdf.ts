import { figuresFromChild } from './child-figures';
import { quoteTotals, type QuoteLine } from '@rapport/shared';
import type { QuoteDocument } from '../functions/src/quotes/quote-document';

export type QuotePdfFigures = { lines: number; runs: number; p50: number; p95: number; kb: number; pages: number };

/** A quote of `count` lines as its PDF shows it: names with accents, a description on every third, two tax rates. */
export function benchQuoteDocument(count: number): QuoteDocument {
  const lines: QuoteLine[] = Array.from({ length: count }, (_, index) => ({
    name: `Produto ${index + 1} — Łódź, Győr, São Paulo`,
    ...(index % 3 === 0 ? { description: 'Installed on site by Müller & Söhne, with a year of support and spare parts included' } : {}),
    quantity: (index % 4) + 1,
    unitPrice: 19.99 + index,
    discountPercent: index % 5 === 0 ? 10 : 0,
    taxPercent: index % 2 === 0 ? 21 : 10,
  }));
  const totals = quoteTotals(lines, 5, 'EUR');
  return {
    reference: 'Q-1042 v2',
    language: 'pt',
    currency: 'EUR',
    issuedOn: '2026-11-30',
    validUntil: '2026-12-30',
    seller: { name: 'Müller & Söhne GmbH', address: ['Rua Augusta 1500', 'São Paulo, SP'] },
    customer: { name: 'Zofia Łódź', company: 'Győr Kft.' },
    lines: lines.map((line, index) => ({ ...line, unitPrice: Math.round(line.unitPrice * 100), amount: totals.lines[index]!.gross - totals.lines[index]!.lineDiscount })),
    totals: { subtotal: totals.subtotal, discountPercent: 5, discount: totals.discount, net: totals.net, taxes: totals.taxes, total: totals.total },
    paymentTerms: '30 dias após a entrega.',
    notes: 'Entrega em dois lotes.',
  };
}

/** Renders a 200-line quote's PDF `runs` times (after 3 warm-up runs) in a process of its own (`quote-pdf-child.ts`). */
export function measureQuotePdf(lines = 200, runs = 20): QuotePdfFigures {
  return figuresFromChild<QuotePdfFigures>('quote-pdf-child.ts', [String(lines), String(runs)], 'rendering the quote PDFs');
}
