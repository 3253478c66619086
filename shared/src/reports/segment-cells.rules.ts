// What companies and won deals add to the report cells (report-cells.rules.ts) for customer demographics: companies and
// customers by segment, won business by segment, and the products sold by segment with the prices they sold at.
//
// Each record adds one cell per segment (industry, country, region, size band, type) rather than one cell keyed by all
// five: the cells then grow with the sum of the segments' values, not their product, and a report reads the cells of
// the one segment it groups by.
import type { Company } from '../companies/company.schema';
import { companySegmentOf, customerSegments, segmentValuesOf } from '../companies/company-segment.rules';
import type { Deal } from '../deals/deal.schema';
import { lineMinor } from '../deals/deal.rules';
import { toMinor } from '../money/money.rules';
import { monthOf } from './report.rules';
import { NO_MONTH, type Measures, type ReportCell } from './report-cells.rules';

/**
 * A company, in the present state, under each of its segments: counted among the companies, and among the customers
 * when it is of type customer (the type a rep sets: winning a deal does not change it).
 */
export function companySegmentCells(company: Company): ReportCell[] {
  const values = segmentValuesOf(companySegmentOf(company));
  const measures: Measures = company.type === 'customer' ? { companies: 1, customers: 1 } : { companies: 1 };
  return customerSegments.map((segment) => ({ family: 'segment', month: NO_MONTH, current: true, dims: { owner: company.ownerId, segment, value: values[segment] }, measures }));
}

/**
 * The unit net price of a line: its unit price after its discount, in minor units of the deal's currency (rounded to
 * the minor unit, as `lineMinor` rounds the line's total).
 */
export function unitNetMinor(line: Deal['lineItems'][number], currency: string): number {
  return Math.round((toMinor(line.unitPrice, currency) * (100 - line.discountPercent)) / 100);
}

/**
 * A won deal, in the month it closed, under each segment of its company as the deal keeps it (`companySegment`: see
 * `companySegmentForDeal`): one cell of the deal (its amount), and for each product and unit net price it sold at, the
 * lines, units and their total. The price is a dimension, not a measure: a lowest and a highest price cannot be taken
 * back out of a sum when a deal changes, but a cell per price can be (it empties), so the report's lowest and highest
 * prices are those of the cells still counting lines. The cells of a product then grow with the distinct prices it
 * sold at in a month (its catalog price and the discounts given), never with the number of deals.
 */
export function wonSegmentCells(deal: Deal): ReportCell[] {
  if (deal.status !== 'won') return [];
  const month = deal.closedAt ? monthOf(deal.closedAt) : deal.expectedCloseDate ? monthOf(deal.expectedCloseDate) : NO_MONTH;
  const values = segmentValuesOf(deal.companySegment ?? {});
  const minor = deal.amount === undefined ? undefined : toMinor(deal.amount, deal.currency);
  const won: Measures = minor === undefined ? { count: 1, unpriced: 1 } : { count: 1, minor };
  const sold = new Map<string, { product: string; price: number; lines: number; quantity: number; lineMinor: number }>();
  for (const line of deal.lineItems) {
    const price = unitNetMinor(line, deal.currency);
    const key = `${line.productId}|${price}`;
    const sum = sold.get(key) ?? { product: line.productId, price, lines: 0, quantity: 0, lineMinor: 0 };
    sum.lines += 1;
    sum.quantity += line.quantity;
    sum.lineMinor += lineMinor(line, deal.currency);
    sold.set(key, sum);
  }
  return customerSegments.flatMap((segment): ReportCell[] => {
    const dims = { owner: deal.ownerId, segment, value: values[segment], currency: deal.currency };
    return [
      { family: 'segmentWon', month, current: false, dims, measures: won },
      ...[...sold.values()].map((sum): ReportCell => ({
        family: 'segmentPrice',
        month,
        current: false,
        dims: { ...dims, product: sum.product, price: String(sum.price) },
        measures: { lines: sum.lines, quantity: sum.quantity, lineMinor: sum.lineMinor },
      })),
    ];
  });
}
