import { buildReport, cellsNewerThan, defaultPipeline, deltasBetween, reportCellsOf, reportDeltas, sumDeltas, type Contract, type Quote, type ReportCell, type ReportContext } from '@rapport/shared';

// The cells quotes and contracts add to, and the reports built from them, in several currencies: sums in minor units,
// each currency's month converted at its rate once; cells newer than the version a record was counted under are left out.
const at = '2026-10-05T10:00:00.000Z';
const system = { tenantId: 't', createdAt: at, createdBy: 'u', updatedAt: at, updatedBy: 'u', ownerId: 'rep-1', version: 1 };
const totals = (net: number) => ({ subtotal: net, discount: 0, net, taxes: [], tax: 0, total: net, lines: [] });
const answer = (decision: 'accepted' | 'declined', when: string) => ({ decision, at: when, revision: 1, contentHash: 'sha256:v1:x' });
const quote = (id: string, extra: Partial<Quote>): Quote => ({
  ...system,
  id,
  dealId: 'd1',
  number: 1,
  revision: 1,
  language: 'en',
  currency: 'EUR',
  validUntil: '2026-12-31',
  lines: [],
  discountPercent: 0,
  status: 'sent',
  totals: totals(100_00),
  sentAt: at,
  ...extra,
});
const contract = (id: string, extra: Partial<Contract>): Contract => ({
  ...system,
  id,
  number: 1,
  companyId: 'c1',
  name: 'Support',
  covered: [],
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
  cancelled: false,
  ...extra,
});
const context: ReportContext = {
  now: '2026-11-20T00:00:00.000Z',
  pipeline: defaultPipeline,
  members: [{ id: 'rep-1', displayName: 'Ada' }],
  territories: [],
  products: [],
  // 1 JPY = 0.0062 EUR and 1 KWD = 2.95 EUR in October; November's rate for contracts, read at this month's rates.
  money: {
    reportingCurrency: 'EUR',
    rates: [
      { currency: 'JPY', month: '2026-10', rate: '0.0062' },
      { currency: 'KWD', month: '2026-10', rate: '2.95' },
      { currency: 'JPY', month: '2026-11', rate: '0.006' },
      { currency: 'KWD', month: '2026-11', rate: '3' },
    ],
  },
};
const filters = { from: '2026-01', to: '2026-12' };
const cells = (kind: string, records: object[]) => sumDeltas(records.flatMap((record) => reportCellsOf(kind, record)));
const rows = (table: { rows: { key: string; values: object }[] }) => Object.fromEntries(table.rows.map((row) => [row.key, row.values]));

describe('reports on quotes and contracts, from cells', () => {
  it('converts each currency’s accepted amount at its month’s rate, and counts a revised quote once', () => {
    const quotes = [
      // ¥1,000,000 accepted the day after: 6,200 EUR.
      quote('q1', { currency: 'JPY', totals: totals(1_000_000), status: 'accepted', answer: answer('accepted', '2026-10-06T10:00:00.000Z') }),
      // KWD 1.250 (three decimals) accepted half a day after: 3.69 EUR (3.6875 rounded half away from zero).
      quote('q2', { number: 2, currency: 'KWD', totals: totals(1_250), status: 'accepted', answer: answer('accepted', '2026-10-05T22:00:00.000Z') }),
      // Declined, then a second version: the quote is sent once, and its answer is the second version's (none yet).
      quote('q3', { number: 3, status: 'superseded', answer: answer('declined', '2026-10-07T10:00:00.000Z') }),
      quote('q3v2', { number: 3, revision: 2, revisionOf: 'q3', sentAt: '2026-10-08T10:00:00.000Z' }),
      quote('draft', { number: 4, status: 'draft', sentAt: undefined }),
    ];
    const table = buildReport('quotes-by-owner', { quote: cells('quote', quotes) }, filters, context);
    expect(rows(table)).toEqual({ 'rep-1': { sent: 3, accepted: 2, declined: 0, acceptanceRate: 1, acceptedAmount: 6203.69, meanDaysToAccept: 0.8 } });
    expect(table.money.ratesUsed.map((rate) => `${rate.currency} ${rate.month}`)).toEqual(['JPY 2026-10', 'KWD 2026-10']);
  });

  it('values contracts for a year at this month’s rates, by the month they end, from this month on', () => {
    const contracts = [
      contract('monthly', { value: { amount: 100_000, currency: 'JPY', period: 'month' } }),
      contract('quarterly', { endDate: '2026-12-15', value: { amount: 10.125, currency: 'KWD', period: 'quarter' }, renewal: { autoRenew: true, noticeDays: 30, termMonths: 12 } }),
      contract('ended', { endDate: '2026-10-31', value: { amount: 5, currency: 'EUR', period: 'year' } }),
      contract('cancelled', { cancelled: true, value: { amount: 5, currency: 'EUR', period: 'year' } }),
    ];
    const table = buildReport('contracts-up-for-renewal', { contract: cells('contract', contracts) }, filters, context);
    // ¥1,200,000 × 0.006 = 7,200 EUR; KWD 40.500 × 3 = 121.50 EUR.
    expect(rows(table)).toEqual({ '2026-12': { contracts: 2, autoRenew: 1, annualValue: 7321.5 } });
  });

  it('leaves out the families a record was not counted in under an older version of the cells', () => {
    const sent = quote('q1', {});
    expect(reportCellsOf('quote', sent).map((cell: ReportCell) => cell.family)).toEqual(['quote']);
    expect(reportCellsOf('quote', sent, 5)).toEqual([]);
    // Changed while counted in nothing of its family: nothing to take away, all of today's to add; counted, only the change.
    const accepted = { ...sent, version: 2, status: 'accepted' as const, answer: answer('accepted', '2026-10-06T10:00:00.000Z') };
    expect(deltasBetween(reportCellsOf('quote', sent, 5), reportCellsOf('quote', accepted)).map((cell) => cell.dims.event).sort()).toEqual(['accepted', 'sent']);
    expect(reportDeltas('quote', sent, accepted).map((cell) => cell.dims.event)).toEqual(['accepted']);
    expect(deltasBetween(cellsNewerThan(reportCellsOf('quote', sent), 5), reportCellsOf('quote', accepted))).toEqual(reportDeltas('quote', sent, accepted));
  });
});
