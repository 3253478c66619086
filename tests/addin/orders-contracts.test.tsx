/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Case, Company, Contact, Contract, Deal, Order } from '@rapport/shared';
import { CaseList } from '../../addin/src/components/CaseList';
import { ContactCard } from '../../addin/src/components/ContactCard';
import { PurchaseHistory } from '../../addin/src/components/PurchaseHistory';
import { RecordView } from '../../addin/src/components/record-view/RecordView';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
// Parts the views load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/contracts/ContractTerms';
import '../../addin/src/components/orders/OrderContent';
import { fakeApi, renderInPane, type FakeRoute } from './pane-harness';

jest.setTimeout(60_000);

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u' };
const page = <T,>(items: T[]) => ({ items, nextCursor: null });
const me = () => ({
  tenantId: 't',
  userId: 'u',
  roles: ['rep'],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: false, reassign: false, viewTeam: false, manageSettings: false, importLists: false },
});

const contact = { ...stamp, id: 'c1', version: 1, firstName: 'Lucía', lastName: 'Gómez', emails: ['lucia@lodz.example'], phones: [], companyId: 'co1', status: 'customer' } as unknown as Contact;
const company = { ...stamp, id: 'co1', version: 1, name: 'Łódź Logística', domains: ['lodz.example'], phones: [], type: 'customer' } as unknown as Company;
const contract = {
  ...stamp,
  id: 'sc1',
  version: 1,
  number: 3,
  companyId: 'co1',
  name: 'Premium support 2026',
  covered: [{ productId: 'p1', name: 'Hotline' }, { name: 'On-site visits' }],
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  renewal: { autoRenew: true, noticeDays: 30, termMonths: 12 },
  serviceLevel: { name: 'Premium support', responseHours: 4, resolutionHours: 24 },
  value: { amount: 1200, currency: 'EUR', period: 'month' },
  cancelled: false,
} as Contract;
const totals = (net: number, tax: number) => ({ subtotal: net, discount: 0, net, taxes: [{ percent: 21, base: net, tax }], tax, total: net + tax, lines: [] });
const order = (id: string, number: number, status: Order['status'], at: string, extra: Partial<Order> = {}): Order =>
  ({
    ...stamp,
    id,
    version: 1,
    number,
    quoteId: `q${number}`,
    quoteReference: `Q-${number}`,
    dealId: `d${number}`,
    companyId: 'co1',
    currency: 'EUR',
    lines: [{ name: 'Seat licence', quantity: 2, unitPrice: 1000, discountPercent: 10, taxPercent: 21 }],
    totals: totals(180_000, 37_800),
    status,
    orderedAt: at,
    ...extra,
  }) as Order;
const shipped = order('o12', 12, 'shipped', '2026-11-18T09:30:00Z', { carrier: 'SEUR', trackingNumber: 'ES-778812', shippedAt: '2026-11-20T15:00:00Z' });
const confirmed = order('o14', 14, 'confirmed', '2026-11-25T10:00:00Z');

function Where() {
  const navigation = useRecordNavigation();
  return <output aria-label="open record">{navigation.current ? `${navigation.current.kind}:${navigation.current.id}` : 'none'}</output>;
}

function inPane(ui: React.ReactNode, routes: Record<string, FakeRoute>, language = 'en-US') {
  const api = fakeApi({ 'GET /api/me': me, 'GET /api/members': () => page([]), ...routes });
  const view = renderInPane(
    <MeProvider>
      <RecordNavigationProvider>
        {ui}
        <Where />
      </RecordNavigationProvider>
    </MeProvider>,
    { api: api.api, language },
  );
  return { ...view, ...api };
}

describe("a contact's card", () => {
  it("says the customer is covered and by what, and lists their company's latest orders, each opening", async () => {
    const { sentTo } = inPane(<ContactCard contact={contact} company={company} ownerName={null} otherContacts={0} contract={contract} />, {
      'GET /api/orders': () => page([confirmed, shipped]),
    });
    const card = screen.getByRole('region', { name: 'Lucía Gómez' });
    // Among the card's fields, loaded after them with its words: what the contract in force promises, opening it.
    const covered = await within(card).findByRole('button', { name: 'Premium support · 4 h response, until Dec 31, 2026' });
    expect(card.textContent).toContain('CoveredPremium support · 4 h response, until Dec 31, 2026');
    await within(card).findByRole('button', { name: 'O-14' });
    // After the owner's: the company's cover, then its latest orders.
    expect(within(card).getAllByRole('term').map((term) => term.textContent)).toEqual(['E-mail', 'Covered', 'Orders']);
    expect(card.textContent).toContain('O-14 Confirmed · Nov 25, 2026');
    expect(card.textContent).toContain('O-12 Shipped · Nov 18, 2026');
    // One bounded read of the company's latest orders.
    expect(sentTo('GET /api/orders').map((request) => request.query)).toEqual([{ companyId: 'co1', limit: '3' }]);

    fireEvent.click(within(card).getByRole('button', { name: 'O-12' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('order:o12');
    fireEvent.click(covered);
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('contract:sc1');
  });

  it('says nothing of cover or orders when the company has neither, in Portuguese too', async () => {
    const { sentTo } = inPane(<ContactCard contact={contact} company={company} ownerName={null} otherContacts={0} contract={null} />, { 'GET /api/orders': () => page([]) }, 'pt-BR');
    await waitFor(() => expect(sentTo('GET /api/orders')).toHaveLength(1));
    const card = screen.getByRole('region', { name: 'Lucía Gómez' });
    expect(card.textContent).not.toMatch(/Coberto|Pedidos/);
    expect(within(card).queryAllByRole('term').map((term) => term.textContent)).toEqual(['E-mail']);
  });

  it('words the cover in Spanish', async () => {
    inPane(<ContactCard contact={contact} company={company} ownerName={null} otherContacts={0} contract={contract} />, { 'GET /api/orders': () => page([]) }, 'es-ES');
    const card = screen.getByRole('region', { name: 'Lucía Gómez' });
    await within(card).findByRole('button', { name: 'Premium support · respuesta en 4 h, hasta el 31 dic 2026' });
    expect(card.textContent).toContain('CubiertoPremium support · respuesta en 4 h, hasta el 31 dic 2026');
  });
});

describe('open cases', () => {
  const serviceCase = { ...stamp, id: 'k1', version: 1, number: 1042, subject: 'Printer offline', type: 'problem', priority: 'high', status: 'new', companyId: 'co1', openedAt: '2026-11-20T09:00:00Z' } as unknown as Case;

  it("say what the customer's contract promises, from the lookup, or that they are not covered", async () => {
    const covered = inPane(<CaseList cases={[serviceCase]} coverage={{ companyId: 'co1', contract }} />, {});
    expect(screen.getByRole('button', { name: 'Covered by Premium support: an answer within 4 h, solved within 24 h' })).toBeTruthy();
    covered.unmount();
    inPane(<CaseList cases={[serviceCase]} coverage={{ companyId: 'co1', contract: null }} />, {});
    expect(screen.getByText('No service contract in force: not covered')).toBeTruthy();
  });

  it("read the company's contracts when no lookup brought them (a record page), and find the one in force", async () => {
    const ended = { ...contract, id: 'sc0', startDate: '2020-01-01', endDate: '2020-12-31', name: 'Old plan', serviceLevel: { name: 'Basic', responseHours: 48 } };
    const current = { ...contract, startDate: '2000-01-01', endDate: '2099-12-31' };
    const { sentTo } = inPane(<CaseList cases={[serviceCase]} coverage={{ companyId: 'co1' }} />, { 'GET /api/contracts': () => page([current, ended]) });
    expect(await screen.findByRole('button', { name: 'Covered by Premium support: an answer within 4 h, solved within 24 h' })).toBeTruthy();
    expect(sentTo('GET /api/contracts')[0]?.query).toMatchObject({ companyId: 'co1' });
  });
});

describe("a company's purchases", () => {
  it('lists its orders newest first with their status, and tracking once shipped; a won deal with an order is shown once', async () => {
    const orderedDeal = { ...stamp, id: 'd12', version: 2, name: 'Seats for Łódź', companyId: 'co1', contactIds: [], currency: 'EUR', stage: 'won', probability: 100, status: 'won', lineItems: [], amount: 1800, amountSetByHand: true, closedAt: '2026-11-18T09:30:00Z' } as Deal;
    const otherDeal = { ...orderedDeal, id: 'd9', name: 'Training day', amount: 900, closedAt: '2026-06-02T10:00:00Z' } as Deal;
    inPane(<PurchaseHistory companyId="co1" />, {
      'GET /api/companies/{id}/purchases': () => ({ orders: [confirmed, shipped], deals: [orderedDeal, otherDeal], products: {}, owners: { u: { displayName: 'Ana Souza' } }, capped: false }),
    });
    const orders = await screen.findByRole('list', { name: 'Orders' });
    const entries = within(orders).getAllByRole('listitem').filter((item) => item.parentElement === orders);
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(/^O-14 · €2,178\.00ConfirmedOrdered Nov 25, 2026 · Ana Souza2 × Seat licence at €1,000\.00 \(−10%\)$/),
      expect.stringMatching(/^O-12 · €2,178\.00ShippedOrdered Nov 18, 2026 · Ana SouzaSEUR · ES-7788122 × Seat licence/),
    ]);
    const won = screen.getByRole('list', { name: 'Purchases' });
    expect(within(won).getAllByRole('listitem').map((item) => item.textContent?.split('Won')[0])).toEqual(['Training day · €900.00']);
    expect(screen.queryByText(/Seats for Łódź/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'O-12' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('order:o12');
  });

  it('still lists the won deals of a server of the previous release, which sends no orders', async () => {
    const deal = { ...stamp, id: 'd9', version: 2, name: 'Training day', companyId: 'co1', contactIds: [], currency: 'EUR', stage: 'won', probability: 100, status: 'won', lineItems: [], amount: 900, amountSetByHand: true, closedAt: '2026-06-02T10:00:00Z' };
    inPane(<PurchaseHistory companyId="co1" />, { 'GET /api/companies/{id}/purchases': () => ({ deals: [deal], products: {}, owners: {}, capped: false }) });
    expect(await screen.findByText('Training day · €900.00')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Orders' })).toBeNull();
  });
});

describe('record pages', () => {
  it("show an order's content as accepted, its status and where it came from", async () => {
    inPane(<RecordView record={{ kind: 'order', id: 'o12' }} />, { 'GET /api/orders/{id}': () => shipped, 'GET /api/orders/{id}/history': () => page([]), 'GET /api/companies/{id}': () => company });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('O-12');
    const header = screen.getByRole('article', { name: 'O-12' });
    for (const fact of ['Shipped', '€2,178.00', 'From quote Q-12', 'Shipped Nov 20, 2026']) expect(header.textContent).toContain(fact);
    const lines = screen.getByRole('list', { name: 'What was ordered' });
    expect(lines.textContent).toBe('2 × Seat licence at €1,000.00 (−10%)');
    expect(screen.getByText('€378.00')).toBeTruthy();
    expect(screen.getAllByText('€2,178.00').length).toBeGreaterThan(1);
    // Where it came from opens: the quote's own record view.
    fireEvent.click(within(header).getByRole('button', { name: 'From quote Q-12' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('quote:q12');
  });

  it("make a contract's renewal quote in one click, and open its deal", async () => {
    const { sentTo } = inPane(<RecordView record={{ kind: 'contract', id: 'sc1' }} />, {
      'GET /api/contracts/{id}': () => contract,
      'GET /api/contracts/{id}/history': () => page([]),
      'GET /api/companies/{id}': () => company,
      'POST /api/contracts/{id}/renewal-quote': () => ({ ...stamp, id: 'q9', version: 1, number: 9, revision: 1, dealId: 'd-renewal', status: 'draft' }),
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('SC-3 Premium support 2026');
    const terms = await screen.findByRole('region', { name: 'Coverage and terms' });
    for (const text of ['Hotline', 'On-site visits', 'Premium support: an answer within 4 h, solved within 24 h', 'Renews by itself for 12 months; notice 30 days before the end', '€1,200.00 a month']) {
      expect(terms.textContent).toContain(text);
    }
    fireEvent.click(within(terms).getByRole('button', { name: 'Make the renewal quote' }));
    expect(await within(terms).findByText('The renewal quote Q-9 is drafted on its own deal.')).toBeTruthy();
    expect(sentTo('POST /api/contracts/{id}/renewal-quote').map((request) => request.params)).toEqual([{ id: 'sc1' }]);
    fireEvent.click(within(terms).getByRole('button', { name: 'Open the deal' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('deal:d-renewal');
  });

  it("change a contract's terms as a whole, checked before they are sent", async () => {
    let saved: unknown = null;
    const owned = { ...contract, ownerId: 'u' };
    const { sentTo } = inPane(<RecordView record={{ kind: 'contract', id: 'sc1' }} />, {
      'GET /api/contracts/{id}': () => owned,
      'GET /api/contracts/{id}/history': () => page([]),
      'GET /api/companies/{id}': () => company,
      'GET /api/products': () => page([{ ...stamp, id: 'p1', version: 1, name: 'Hotline 24/7', unitPrice: 900, currency: 'EUR', active: true }]),
      'PATCH /api/contracts/{id}': (request) => {
        saved = request.body;
        return { ...owned, ...(request.body as object), version: 2 };
      },
    });
    const terms = await screen.findByRole('region', { name: 'Coverage and terms' });
    fireEvent.click(within(terms).getByRole('button', { name: 'Change coverage and terms' }));
    const form = screen.getByRole('form', { name: 'Change coverage and terms' });
    fireEvent.change(within(form).getByLabelText('Answer within (hours)'), { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the terms' }));
    expect(await within(form).findByText('Give the hours as a number above 0, in quarters of an hour at most.')).toBeTruthy();
    expect(sentTo('PATCH /api/contracts/{id}')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Answer within (hours)'), { target: { value: '2.5' } });
    fireEvent.click(within(form).getByRole('switch', { name: 'Renews by itself' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save the terms' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Change coverage and terms' })).toBeNull());
    expect(saved).toEqual({
      covered: [{ productId: 'p1', name: 'Hotline' }, { name: 'On-site visits' }],
      serviceLevel: { name: 'Premium support', responseHours: 2.5, resolutionHours: 24 },
      renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
      value: { amount: 1200, currency: 'EUR', period: 'month' },
    });
    expect(sentTo('PATCH /api/contracts/{id}')[0]?.headers['if-match']).toBe('"1"');
  });
});
