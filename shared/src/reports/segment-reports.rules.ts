// Reports on customer demographics, from the cells of segment-cells.rules.ts alone: customers and won business by
// segment (industry, country, region, size band or type), and the products sold in each segment with the units, the
// revenue and the unit net prices they sold at (lowest, average, highest: the lowest and highest to 1 %, see `wonSegmentCells`).
import { companyTypes } from '../companies/company-types';
import { sizeBands, type CustomerSegment } from '../companies/company-segment.rules';
import { minorDigits } from '../money/money.rules';
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportContext, ReportFilters, ReportRow, ReportTable } from './report-tables.rules';
import { countOf, inCurrency, inPeriod, ownedBy, roundTo, sumBy, type Cells, type MoneyColumns } from './report-groups.rules';

export const segmentReportNames = ['customers-by-segment', 'product-prices-by-segment'] as const;
export type SegmentReportName = (typeof segmentReportNames)[number];

export const segmentReportFamilies: Record<SegmentReportName, readonly ReportFamily[]> = {
  'customers-by-segment': ['segment', 'segmentWon'],
  'product-prices-by-segment': ['segmentBand'],
};

/** The segment a report groups by when the filters name none. */
export const DEFAULT_SEGMENT: CustomerSegment = 'industry';

// Segments of a fixed order are shown in it (bands from the smallest, types as the company form lists them).
const FIXED_ORDER: Partial<Record<CustomerSegment, readonly string[]>> = { size: sizeBands.map((band) => band.key), type: companyTypes };

const figure = (row: ReportRow, column: string) => row.values[column] ?? 0;

/**
 * Orders rows by their segment value: in the segment's own order when it has one, else by `then` (the largest figures
 * first), then by name; the companies that say nothing (`''`) last.
 */
function bySegment(segment: CustomerSegment, then: (a: ReportRow, b: ReportRow) => number) {
  const order = FIXED_ORDER[segment];
  return (a: ReportRow, b: ReportRow): number => {
    const [x, y] = [a.segment ?? '', b.segment ?? ''];
    if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
    if (order) return order.indexOf(x) - order.indexOf(y);
    return then(a, b) || x.localeCompare(y);
  };
}

/** Builds one of the reports on customer demographics, for the segment the filters name (industry by default). */
export function segmentReport(name: SegmentReportName, cells: Cells, filters: ReportFilters, context: ReportContext, money: MoneyColumns, owners: Set<string> | null): ReportTable {
  const segment = filters.segment ?? DEFAULT_SEGMENT;
  const ofSegment = (cell: ReportCell) => cell.dims.segment === segment && ownedBy(owners)(cell);
  const valueOf = (cell: ReportCell) => cell.dims.value ?? '';
  if (name === 'customers-by-segment') {
    // Companies and customers as they are now (whatever the period), and the deals won in the period.
    const companies = sumBy((cells.segment ?? []).filter(ofSegment), valueOf);
    const won = sumBy((cells.segmentWon ?? []).filter((cell) => ofSegment(cell) && inPeriod(cell, filters) && inCurrency(cell, filters)), valueOf);
    const rows: ReportRow[] = [...new Set([...companies.keys(), ...won.keys()])].map((value) => ({
      key: value,
      label: value,
      segment: value,
      values: {
        customers: countOf(companies.get(value), 'customers'),
        companies: countOf(companies.get(value), 'companies'),
        won: countOf(won.get(value), 'count'),
        wonAmount: money.amount(won.get(value), 'minor'),
      },
    }));
    const kept = rows.filter((row) => Object.values(row.values).some((value) => value !== 0));
    return {
      columns: [
        { key: 'customers', kind: 'count' },
        { key: 'companies', kind: 'count' },
        { key: 'won', kind: 'count' },
        { key: 'wonAmount', kind: 'money' },
      ],
      rows: kept.sort(bySegment(segment, (a, b) => figure(b, 'customers') - figure(a, 'customers') || figure(b, 'wonAmount') - figure(a, 'wonAmount'))),
    };
  }
  // Lines of won deals closed in the period, by product and segment value: a price band counts while a line sold in it.
  const sold = (cells.segmentBand ?? []).filter(
    (cell) => ofSegment(cell) && inPeriod(cell, filters) && inCurrency(cell, filters) && (!filters.productId || cell.dims.product === filters.productId) && (cell.measures.lines ?? 0) > 0,
  );
  const keyOf = (cell: ReportCell) => `${cell.dims.product ?? ''}|${valueOf(cell)}`;
  const groups = sumBy(sold, keyOf);
  const prices = priceRanges(sold, keyOf, money);
  // A catalog may sell one product in several currencies under one name: each is named with its currency then.
  const sameName = new Map<string, number>();
  for (const product of context.products) sameName.set(product.name, (sameName.get(product.name) ?? 0) + 1);
  const nameOf = new Map(context.products.map((product) => [product.id, (sameName.get(product.name) ?? 0) > 1 && product.currency ? `${product.name} (${product.currency})` : product.name]));
  const productOf = new Map(sold.map((cell) => [keyOf(cell), cell.dims.product ?? '']));
  const valueOfKey = new Map(sold.map((cell) => [keyOf(cell), valueOf(cell)]));
  const rows: ReportRow[] = [...groups].map(([key, group]) => {
    const quantity = countOf(group, 'quantity');
    const revenue = money.amount(group, 'lineMinor');
    const product = productOf.get(key) ?? '';
    return {
      key,
      label: nameOf.get(product) ?? product,
      segment: valueOfKey.get(key) ?? '',
      values: {
        quantity,
        revenue,
        minUnitPrice: prices.get(key)?.min ?? null,
        // The mean price is the revenue in the report's currency over the units sold, to its minor unit.
        averageUnitPrice: quantity ? roundTo(revenue / quantity, minorDigits(money.currency)) : null,
        maxUnitPrice: prices.get(key)?.max ?? null,
      },
    };
  });
  // A product's segments side by side, so its prices compare from one segment to the next.
  const segmentOrder = bySegment(segment, (a, b) => figure(b, 'revenue') - figure(a, 'revenue'));
  const productOfRow = (row: ReportRow) => productOf.get(row.key) ?? '';
  return {
    columns: [
      { key: 'quantity', kind: 'number' },
      { key: 'revenue', kind: 'money' },
      { key: 'minUnitPrice', kind: 'money' },
      { key: 'averageUnitPrice', kind: 'money' },
      { key: 'maxUnitPrice', kind: 'money' },
    ],
    rows: rows.sort((a, b) => a.label.localeCompare(b.label) || productOfRow(a).localeCompare(productOfRow(b)) || segmentOrder(a, b)),
  };
}

/**
 * The lowest and highest unit price of each group, in the report's currency. The cells of a group, currency, month
 * (one rate) and band are summed first, whoever's deals they count, and a band's price is its lines' total over their
 * units: the mean unit price of the band, weighted as the average is. Of each currency and month, the lowest and the
 * highest band are converted (two prices, however many bands), then the group's extremes are taken of those.
 */
function priceRanges(sold: readonly ReportCell[], keyOf: (cell: ReportCell) => string, money: MoneyColumns): Map<string, { min: number | null; max: number | null }> {
  const bands = new Map<string, { key: string; currency: string; month: string; band: number; quantity: number; lineMinor: number }>();
  for (const cell of sold) {
    const [key, currency, band] = [keyOf(cell), cell.dims.currency ?? '', Number(cell.dims.band ?? '0')];
    const at = `${key}|${currency}|${cell.month}|${band}`;
    const sum = bands.get(at) ?? { key, currency, month: cell.month, band, quantity: 0, lineMinor: 0 };
    sum.quantity += cell.measures.quantity ?? 0;
    sum.lineMinor += cell.measures.lineMinor ?? 0;
    bands.set(at, sum);
  }
  const extremes = new Map<string, { key: string; currency: string; month: string; low: BandSum; high: BandSum }>();
  for (const sum of bands.values()) {
    if (sum.quantity <= 0) continue;
    const at = `${sum.key}|${sum.currency}|${sum.month}`;
    const seen = extremes.get(at);
    if (!seen) extremes.set(at, { key: sum.key, currency: sum.currency, month: sum.month, low: sum, high: sum });
    else if (sum.band < seen.low.band) seen.low = sum;
    else if (sum.band > seen.high.band) seen.high = sum;
  }
  const priceOf = (sum: BandSum) => Math.round(sum.lineMinor / sum.quantity);
  const ranges = new Map<string, { min: number | null; max: number | null }>();
  for (const { key, currency, month, low, high } of extremes.values()) {
    const range = ranges.get(key) ?? { min: null, max: null };
    const lowest = money.price(priceOf(low), currency, month);
    const highest = low === high ? lowest : money.price(priceOf(high), currency, month);
    if (lowest !== null) range.min = range.min === null ? lowest : Math.min(range.min, lowest);
    if (highest !== null) range.max = range.max === null ? highest : Math.max(range.max, highest);
    ranges.set(key, range);
  }
  return ranges;
}

type BandSum = { band: number; quantity: number; lineMinor: number };
