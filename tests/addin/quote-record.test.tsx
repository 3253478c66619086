/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Quote } from '@rapport/shared';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordPage } from '../../addin/src/records/RecordPage';
import { fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

// A quote's record page (/records/quote/{id}): read-only, titled by its reference, its lines and totals exactly as the
// server computed them (minor units, formatted in the reader's language), where it is in its life, and its versions.

jest.setTimeout(60_000);

const stamp = { tenantId: 't', createdAt: '2026-11-16T10:00:00.000Z', createdBy: 'me', updatedAt: '2026-11-18T09:30:00.000Z', updatedBy: 'me', ownerId: 'me' };
const lines = [
  { productId: 'p1', name: 'Seat licence', quantity: 2, unitPrice: 1000, discountPercent: 10, taxPercent: 21 },
  { productId: 'p2', name: 'Onboarding', description: 'Two remote sessions', quantity: 1, unitPrice: 500, discountPercent: 0, taxPercent: 21 },
  { name: 'Travel', quantity: 1.5, unitPrice: 80.05, discountPercent: 0, taxPercent: 10 },
];
// The server's figures for these lines at 10 % off the whole (quoteTotals): 1.5 × 80.05 = 120.075, rounded once to 120.08.
const totals = {
  subtotal: 242_008,
  discount: 24_201,
  net: 217_807,
  taxes: [
    { percent: 21, base: 207_000, tax: 43_470 },
    { percent: 10, base: 10_807, tax: 1_081 },
  ],
  tax: 44_551,
  total: 262_358,
  lines: [
    { gross: 200_000, lineDiscount: 20_000, overallDiscount: 18_000, net: 162_000, tax: 34_020 },
    { gross: 50_000, lineDiscount: 0, overallDiscount: 5_000, net: 45_000, tax: 9_450 },
    { gross: 12_008, lineDiscount: 0, overallDiscount: 1_201, net: 10_807, tax: 1_081 },
  ],
};
const second: Quote = {
  ...stamp,
  id: 'q2',
  version: 5,
  dealId: 'd1',
  companyId: 'co1',
  contactId: 'c1',
  number: 3,
  revision: 2,
  revisionOf: 'q1',
  language: 'es',
  currency: 'EUR',
  validUntil: '2099-12-16',
  lines,
  discountPercent: 10,
  paymentTerms: '30 días netos',
  notes: 'Entrega en dos semanas.',
  status: 'accepted',
  totals,
  sentAt: '2026-11-16T10:05:00.000Z',
  publicKey: 'AAAAAAAAAAAAAAAAAAAAAA',
  firstOpenedAt: '2026-11-17T08:00:00.000Z',
  lastOpenedAt: '2026-11-18T09:00:00.000Z',
  answer: { decision: 'accepted', name: 'Lucía Gómez', at: '2026-11-18T09:30:00.000Z', revision: 2, contentHash: 'sha256:00' },
};
const order = {
  ...stamp,
  id: 'o7',
  version: 1,
  number: 7,
  quoteId: 'q2',
  quoteReference: 'Q-3 v2',
  dealId: 'd1',
  companyId: 'co1',
  currency: 'EUR',
  lines,
  totals,
  status: 'confirmed',
  orderedAt: '2026-11-18T09:30:00.000Z',
};
const first: Quote = { ...second, id: 'q1', revision: 1, status: 'superseded', supersededBy: 'q2', answer: undefined, firstOpenedAt: undefined, lastOpenedAt: undefined } as Quote;

function routes(extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  return {
    'GET /api/me': () => ({ tenantId: 't', userId: 'me', roles: ['rep'], rolesFrom: 'member', name: 'Avery Quinn', capabilities: { editOthersRecords: false, reassign: false, viewTeam: false, manageSettings: false, importLists: false } }),
    'GET /api/members': () => ({ items: [{ ...stamp, id: 'me', version: 1, displayName: 'Avery Quinn', email: 'avery@rapport.example', role: 'rep' }], nextCursor: null }),
    'GET /api/quotes/{id}': (request) => (request.params.id === 'q1' ? first : second),
    'GET /api/quotes': () => ({ items: [second, first], nextCursor: null }),
    'GET /api/deals/{id}': () => ({ ...stamp, id: 'd1', version: 2, name: 'Seats for Łódź', contactIds: ['c1'], companyId: 'co1', currency: 'EUR', stage: 'won', probability: 100, status: 'won', lineItems: [], amountSetByHand: true }),
    'GET /api/contacts/{id}': () => ({ ...stamp, id: 'c1', version: 1, firstName: 'Lucía', lastName: 'Gómez', emails: ['lucia@lodz.example'], phones: [], status: 'customer' }),
    'GET /api/companies/{id}': () => ({ ...stamp, id: 'co1', version: 1, name: 'Łódź Logística', domains: [], phones: [], type: 'customer' }),
    // The order the customer's acceptance made, among the deal's.
    'GET /api/orders': () => ({ items: [order], nextCursor: null }),
    ...extra,
  };
}

function openPage(path: string, language = 'en-US', extra: Record<string, FakeRoute> = {}) {
  history.replaceState(null, '', path);
  const api = fakeApi(routes(extra));
  renderInPane(
    <MeProvider>
      <RecordPage />
    </MeProvider>,
    { api: api.api, language },
  );
  return api;
}

describe("a quote's record page", () => {
  it('shows the quote read-only: its reference, status, customer, lines, totals to the cent, validity, terms and answer', async () => {
    const { sentTo } = openPage('/records/quote/q2?lang=en');
    await screen.findByRole('heading', { level: 1, name: 'Q-3 v2' });
    await waitFor(() => expect(document.title).toBe('Quote – Rapport'));
    const article = screen.getByRole('article', { name: 'Q-3 v2' });
    expect(within(article).getByText('Accepted')).toBeTruthy();
    expect(within(article).getByText('€2,623.58 with tax')).toBeTruthy();
    expect(within(article).getByText('valid until Dec 16, 2099')).toBeTruthy();

    const details = within(article).getByRole('region', { name: 'Details' });
    await within(details).findByRole('button', { name: 'Lucía Gómez' });
    await within(details).findByRole('button', { name: 'Łódź Logística' });
    expect(within(details).getByText('Spanish')).toBeTruthy();
    expect(within(details).getByText('30 días netos')).toBeTruthy();
    expect(within(details).getByText('Entrega en dos semanas.')).toBeTruthy();
    expect(within(details).getByText(/^Accepted by Lucía Gómez on Nov 18, 2026, .* \(version 2\)$/)).toBeTruthy();
    expect(within(details).getByText(/^First Nov 17, 2026, .*, last Nov 18, 2026, /)).toBeTruthy();

    const table = within(article).getByRole('table', { name: 'Lines' });
    const rows = within(table).getAllByRole('row').map((row) => within(row).getAllByRole(row.querySelector('th') ? 'columnheader' : 'cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Item', 'Quantity', 'Unit price', 'Discount', 'Tax', 'Amount'],
      ['Seat licence', '2', '€1,000.00', '10%', '21%', '€1,800.00'],
      ['OnboardingTwo remote sessions', '1', '€500.00', '—', '21%', '€500.00'],
      ['Travel', '1.5', '€80.05', '—', '10%', '€120.08'],
    ]);
    const figures = within(article).getByLabelText('Totals');
    expect([...figures.querySelectorAll('dt')].map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`)).toEqual([
      'Subtotal €2,420.08',
      'Discount of 10% -€242.01',
      'Total before tax €2,178.07',
      'Tax at 21% on €2,070.00 €434.70',
      'Tax at 10% on €108.07 €10.81',
      'Total €2,623.58',
    ]);
    // Nothing here changes the quote: no field editors, no delete.
    expect(within(article).queryAllByRole('button', { name: /^Edit / })).toEqual([]);
    expect(within(article).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(sentTo('GET /api/quotes/{id}/timeline')).toEqual([]);
  });

  it('opens its deal and its other versions at their own addresses', async () => {
    openPage('/records/quote/q2?lang=en');
    const details = await screen.findByRole('region', { name: 'Details' });
    fireEvent.click(await within(details).findByRole('button', { name: 'Seats for Łódź' }));
    await waitFor(() => expect(location.pathname).toBe('/records/deal/d1'));
    history.back();
    await screen.findByRole('heading', { level: 1, name: 'Q-3 v2' });

    fireEvent.click(screen.getByRole('button', { name: /^Versions/ }));
    const versions = within(screen.getByRole('region', { name: 'Versions' })).getAllByRole('listitem');
    expect(versions.map((item) => item.textContent)).toEqual(['Q-3: Replaced by a newer version', 'Q-3 v2: Accepted (this one)']);
    fireEvent.click(within(versions[0]!).getByRole('button', { name: 'Q-3: Replaced by a newer version' }));
    await screen.findByRole('heading', { level: 1, name: 'Q-3' });
    expect(location.pathname).toBe('/records/quote/q1');
    // The replaced version was sent but never answered.
    expect(await screen.findByText('Replaced by a newer version', { selector: 'span' })).toBeTruthy();
    expect(screen.getByText('None yet')).toBeTruthy();
  });

  it("says it all in the reader's language, money in their locale's writing", async () => {
    openPage('/records/quote/q2?lang=pt-BR', 'pt-BR');
    await screen.findByRole('heading', { level: 1, name: 'Q-3 v2' });
    await waitFor(() => expect(document.title).toBe('Orçamento – Rapport'));
    expect(screen.getByText('Aceito')).toBeTruthy();
    expect(screen.getByText(/^€\s2\.623,58 com impostos$/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Linhas' })).toBeTruthy();
    expect(screen.getByText('Total sem impostos')).toBeTruthy();
  });
});

describe("a quote's order", () => {
  // Sent, and accepted another way than on its page (a signed copy): no order yet.
  const sent: Quote = { ...second, status: 'sent', answer: undefined } as Quote;
  const made = { ...order, id: 'o8', number: 8 };
  const details = async (name = 'Details') => screen.findByRole('region', { name });

  it('shows the order an accepted quote became, opening it at its own address', async () => {
    const { sentTo } = openPage('/records/quote/q2?lang=en', 'en-US', {
      'GET /api/orders': () => ({ items: [{ ...order, id: 'o6', number: 6, quoteId: 'q0' }, order], nextCursor: null }),
      'GET /api/orders/{id}': () => order,
      'GET /api/orders/{id}/history': () => ({ items: [], nextCursor: null }),
    });
    const link = await within(await details()).findByRole('button', { name: 'O-7' });
    expect(link.parentElement?.textContent).toBe('O-7 · Confirmed');
    expect(within(await details()).queryByRole('button', { name: 'Record the customer’s order' })).toBeNull();
    // The deal's orders, one bounded read.
    expect(sentTo('GET /api/orders').map((request) => request.query)).toEqual([{ dealId: 'd1', limit: '50' }]);
    fireEvent.click(link);
    await waitFor(() => expect(location.pathname).toBe('/records/order/o7'));
  });

  it('records the order of a sent quote the customer accepted another way, once, and links to it', async () => {
    const orders: unknown[] = [];
    const { sentTo } = openPage('/records/quote/q2?lang=en', 'en-US', {
      'GET /api/quotes/{id}': () => sent,
      'GET /api/orders': () => ({ items: [...orders], nextCursor: null }),
      'POST /api/orders': () => {
        orders.push(made);
        return made;
      },
    });
    const section = await details();
    expect(await within(section).findByText('None yet. Did the customer accept it another way, such as a signed copy? Record their order.')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Record the customer’s order' }));
    expect(await within(section).findByText('Order O-8 is recorded.')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'O-8' })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Record the customer’s order' })).toBeNull();
    const [request] = sentTo('POST /api/orders');
    expect(request?.body).toEqual({ quoteId: 'q2' });
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sentTo('POST /api/orders')).toHaveLength(1);
  });

  it('says why a quote replaced meanwhile is no order, and shows it as it is now', async () => {
    let quote: Quote = sent;
    openPage('/records/quote/q2?lang=en', 'en-US', {
      'GET /api/quotes/{id}': () => quote,
      'GET /api/orders': () => ({ items: [], nextCursor: null }),
      'POST /api/orders': () => {
        quote = { ...sent, status: 'superseded', supersededBy: 'q3' } as Quote;
        return fail(409, 'ORDER.QUOTE_NOT_ORDERABLE', { status: 'superseded' });
      },
    });
    const section = await details();
    fireEvent.click(await within(section).findByRole('button', { name: 'Record the customer’s order' }));
    expect(await within(section).findByText('Only a quote the customer accepted (or a sent one they accepted another way) becomes an order. Send the quote first.')).toBeTruthy();
    // Read again: replaced, it offers no order.
    expect(await screen.findByText('Replaced by a newer version', { selector: 'span' })).toBeTruthy();
    expect(within(section).getByText('None.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Record the customer’s order' })).toBeNull();
  });

  it('shows the order the customer made meanwhile (accepting online) instead of a second one, in Italian', async () => {
    let accepted = false;
    openPage('/records/quote/q2?lang=it', 'it-IT', {
      'GET /api/quotes/{id}': () => sent,
      'GET /api/orders': () => ({ items: accepted ? [order] : [], nextCursor: null }),
      'POST /api/orders': () => {
        accepted = true;
        return fail(409, 'RECORD.ALREADY_EXISTS', { kind: 'order' });
      },
    });
    const section = await details('Dettagli');
    fireEvent.click(await within(section).findByRole('button', { name: 'Registra l’ordine del cliente' }));
    expect(await within(section).findByRole('button', { name: 'O-7' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'O-7' }).parentElement?.textContent).toBe('O-7 · Confermato');
    expect(within(section).queryByRole('alert')).toBeNull();
  });
});
