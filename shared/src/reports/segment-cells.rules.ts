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

/** Price bands are 1 % apart: a band holds the prices from 1.01^n up to 1.01^(n+1) minor units. */
const BAND_STEP = Math.log(1.01);

/**
 * The band of a unit net price in minor units: prices within a band differ by less than 1 %, so a product's cells grow
 * with the range its prices span (about 70 bands from a price to its double), never with how many prices it sold at.
 * Free lines (0) have a band of their own.
 */
export function priceBandOf(minor: number): number {
  return minor > 0 ? Math.floor(Math.log(minor) / BAND_STEP) : -1;
}

/**
 * A won deal, in the month it closed, under each segment of its company as the deal keeps it (`companySegment`: see
 * `companySegmentForDeal`): one cell of the deal (its amount), and for each product and band of unit net prices it sold
 * at, the lines, units and their total. The band is a dimension, not a measure: a lowest and a highest price cannot be
 * taken back out of a sum when a deal changes, but a cell per band can be (it empties), so the report's lowest and
 * highest prices are the mean unit prices (total over units) of the lowest and highest bands still counting lines: the
 * exact price when the band holds one (a catalog price, a usual discount), within 1 % of it always, and never outside
 * the range of the average.
 * The cells of a product then grow with the span of its prices in a month, never with the deals or their discounts.
 */
export function wonSegmentCells(deal: Deal): ReportCell[] {
  if (deal.status !== 'won') return [];
  const month = deal.closedAt ? monthOf(deal.closedAt) : deal.expectedCloseDate ? monthOf(deal.expectedCloseDate) : NO_MONTH;
  const values = segmentValuesOf(deal.companySegment ?? {});
  const minor = deal.amount === undefined ? undefined : toMinor(deal.amount, deal.currency);
  const won: Measures = minor === undefined ? { count: 1, unpriced: 1 } : { count: 1, minor };
  const sold = new Map<string, { product: string; band: number; lines: number; quantity: number; lineMinor: number }>();
  for (const line of deal.lineItems) {
    const price = unitNetMinor(line, deal.currency);
    const band = priceBandOf(price);
    const key = `${line.productId}|${band}`;
    const sum = sold.get(key) ?? { product: line.productId, band, lines: 0, quantity: 0, lineMinor: 0 };
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
        family: 'segmentBand',
        month,
        current: false,
        dims: { ...dims, product: sum.product, band: String(sum.band) },
        measures: { lines: sum.lines, quantity: sum.quantity, lineMinor: sum.lineMinor },
      })),
    ];
  });
}
