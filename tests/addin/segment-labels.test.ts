import type { ReportResponse } from '@rapport/shared';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import { reportCsv, rowLabel, segmentsInOrder } from '../../addin/src/dashboard/report-format';

const response = (report: ReportResponse['report'], segment: 'industry' | 'size' | 'type', rows: ReportResponse['rows']): ReportResponse => ({
  report,
  from: '2026-01',
  to: '2026-12',
  currency: 'EUR',
  converted: true,
  ratesUsed: [],
  missingRates: [],
  currencies: [],
  filters: { segment },
  columns: [{ key: 'customers', kind: 'count' }],
  rows,
  generatedAt: '2026-12-01T00:00:00.000Z',
});
const row = (segment: string, label = segment) => ({ key: segment, label, segment, values: { customers: 1 } });

describe('the labels of reports by customer segment', () => {
  it('names size bands and company types in words, and what companies did not say, in each language', () => {
    const sizes = response('customers-by-segment', 'size', [row('1-9'), row('1000+'), row('')]);
    const english = translatorFor('en-US');
    expect(sizes.rows.map((item) => rowLabel(english, sizes, item))).toEqual(['1–9 employees', '1,000 employees or more', 'Employees not known']);
    const types = response('customers-by-segment', 'type', [row('prospect'), row('customer'), row('')]);
    expect(types.rows.map((item) => rowLabel(translatorFor('es-ES'), types, item))).toEqual(['Posible cliente', 'Cliente', 'Sin empresa']);
    expect(types.rows.map((item) => rowLabel(translatorFor('pt-BR'), types, item))).toEqual(['Cliente potencial', 'Cliente', 'Sem empresa']);
    // Industries, countries and regions are as the companies write them.
    const industries = response('customers-by-segment', 'industry', [row('Retail'), row('')]);
    expect(industries.rows.map((item) => rowLabel(translatorFor('it-IT'), industries, item))).toEqual(['Retail', 'Settore non indicato']);
  });

  it('names a product in a segment, and exports the same words as CSV', () => {
    const prices = { ...response('product-prices-by-segment', 'size', [row('50-249', 'Seat'), row('', 'Seat')]), columns: [{ key: 'customers', kind: 'count' as const }] };
    expect(prices.rows.map((item) => rowLabel(translatorFor('en'), prices, item))).toEqual(['Seat · 50–249 employees', 'Seat · Employees not known']);
    expect(reportCsv(translatorFor('en'), prices).split('\r\n').slice(1, 3)).toEqual(['Seat · 50–249 employees,1', 'Seat · Employees not known,1']);
  });

  it("orders a chart's segments as every product lists them", () => {
    expect(
      segmentsInOrder([
        { product: 'Training', segment: '1,000+' },
        { product: 'Seat', segment: '10–49' },
        { product: 'Seat', segment: '250–999' },
        { product: 'Seat', segment: '1,000+' },
        { product: 'Support', segment: '10–49' },
      ]),
    ).toEqual(['10–49', '250–999', '1,000+']);
  });
});
