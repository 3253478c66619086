/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Activity, Case, Deal } from '@rapport/shared';
import { CaseList } from '../../addin/src/components/CaseList';
import { ChangeHistory } from '../../addin/src/components/ChangeHistory';
import { DealPanel } from '../../addin/src/components/DealPanel';
import { HeadlineFigures } from '../../addin/src/components/HeadlineFigures';
import { LogOutcomeForm } from '../../addin/src/components/LogOutcomeForm';
import { PurchaseHistory } from '../../addin/src/components/PurchaseHistory';
import { RecordSections } from '../../addin/src/components/RecordSections';
import { MeProvider } from '../../addin/src/hooks/useMe';
// Sections and forms the pane loads when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/ClosedSections';
import '../../addin/src/components/DealPanel';
import '../../addin/src/components/LogOutcomeFormBody';
import { fail, fakeApi, renderInPane, unreachable, type FakeRoute, type SentRequest } from './pane-harness';


const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'me' };
const me = (role: 'rep' | 'manager' = 'rep') => ({
  tenantId: 't',
  userId: 'me',
  roles: [role],
  rolesFrom: 'member',
  capabilities: { editOthersRecords: role !== 'rep', reassign: role !== 'rep', viewTeam: role !== 'rep', manageSettings: false, importLists: role !== 'rep' },
});
const page = <T,>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor });
const noWork = () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false });
/** Answers `fails` times as if offline, then as `route` does. */
const offlineFor = (fails: number, route: FakeRoute): FakeRoute => {
  let left = fails;
  return (request) => (left-- > 0 ? unreachable() : route(request));
};

const activity = (id: string, subject: string, extra: Partial<Activity> = {}): Activity =>
  ({ ...stamp, id, version: 1, kind: 'call', subject, at: '2026-11-20T10:00:00.000Z', status: 'done', participants: [], contactIds: ['c1'], ...extra }) as Activity;
const meeting = activity('a1', 'Pricing call', { kind: 'meeting', at: '2026-11-24T15:00:00.000Z', durationMinutes: 30, contactMethod: 'online-meeting', outcome: 'held', dealId: 'd1' });
const stages = [
  { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' as const },
  { id: 'negotiation', name: 'Negotiation', probability: 70, kind: 'open' as const },
  { id: 'won', name: 'Won', probability: 100, kind: 'won' as const },
  { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' as const },
];
const seats = { ...stamp, id: 'seats', version: 1, name: 'Seats', unitPrice: 1334, currency: 'EUR', active: true };
const deal = (extra: Partial<Deal> = {}): Deal =>
  ({ ...stamp, id: 'd1', version: 3, name: '50 seats', contactIds: ['c1'], amount: 12000, amountSetByHand: false, currency: 'EUR', stage: 'proposal', probability: 50, status: 'open', lineItems: [], ...extra }) as Deal;

/** Renders as the pane does, with the signed-in member known (what they may change depends on it). */
const inPane = (ui: ReactNode, api: ReturnType<typeof fakeApi>['api'], language?: string) => renderInPane(<MeProvider>{ui}</MeProvider>, { api, ...(language ? { language } : {}) });

describe('RecordSections', () => {
  const dealRoutes = {
    'GET /api/me': () => me(),
    'GET /api/contacts/{id}/timeline': () => page([]),
    'GET /api/contacts/{id}/work': noWork,
    'GET /api/deals/{id}/timeline': () => page([meeting]),
    'GET /api/deals/{id}/work': () => ({ overdue: 1, dueToday: 0, planned: 2, capped: false }),
    'GET /api/pipeline': () => ({ stages, version: 1 }),
    'GET /api/products': () => page([seats]),
  };

  it("opens a deal's appointment history with date, time, how it was held and its outcome", async () => {
    const { api, sentTo } = fakeApi(dealRoutes);
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[]} openDeals={[deal()]} openCases={[]} />, api);
    fireEvent.click(screen.getByRole('button', { name: /^Open deals\s*1$/ }));
    // The stage by its name in the tenant's pipeline, not its id.
    await screen.findByText(/Stage: Proposal/);
    fireEvent.click(screen.getByRole('button', { name: 'History of 50 seats' }));
    const history = await screen.findByRole('list', { name: 'History of 50 seats' });
    expect(history.textContent).toMatch(/Pricing call/);
    expect(history.textContent).toMatch(/Meeting · Nov 24, 2026.*Online meeting · Held/);
    expect(sentTo('GET /api/deals/{id}/timeline').map((request) => request.params.id)).toEqual(['d1']);
    // The deal's planned work: 1 overdue, 0 today, 2 later.
    const counters = await screen.findByLabelText('Planned work: History of 50 seats');
    expect(counters.textContent).toBe('Overdue1Due today0Later2');
  });

  it("takes the lookup's entries as the whole timeline when there are fewer than it brings, without reading it again", async () => {
    const { api, sentTo } = fakeApi(dealRoutes);
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[activity('a2', 'Intro call')]} openDeals={[]} openCases={[]} />, api);
    expect(screen.getByRole('list', { name: 'Timeline' }).textContent).toMatch(/Intro callCall · Nov 20, 2026/);
    await screen.findByLabelText('Planned work: Timeline');
    expect(sentTo('GET /api/contacts/{id}/timeline')).toHaveLength(0);
    expect(screen.queryByText('Show older')).toBeNull();
  });

  it("shows the lookup's newest entries until the first page comes, then pages on to older ones", async () => {
    const newest = [1, 2, 3, 4, 5].map((n) => activity(`n${n}`, `Recent ${n}`));
    const older = activity('o1', 'Old call');
    const { api, sentTo } = fakeApi({
      ...dealRoutes,
      'GET /api/contacts/{id}/timeline': (request) => (request.query.cursor === 'p2' ? page([older]) : page([...newest, activity('n6', 'Recent 6')], 'p2')),
    });
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={newest} openDeals={[]} openCases={[]} />, api);
    expect(screen.getByRole('list', { name: 'Timeline' }).textContent).toContain('Recent 5');
    fireEvent.click(await screen.findByText('Show older'));
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(timeline.textContent).toContain('Old call'));
    expect(timeline.textContent).toContain('Recent 6');
    expect(sentTo('GET /api/contacts/{id}/timeline').map((request) => request.query.cursor)).toEqual([undefined, 'p2']);
  });

  it('dice que el historial no se pudo leer, nunca que no hay actividades, y Reintentar lo vuelve a leer', async () => {
    jest.useFakeTimers();
    try {
      const { api, sentTo } = fakeApi({ ...dealRoutes, 'GET /api/deals/{id}/timeline': offlineFor(1, () => page([])), 'GET /api/deals/{id}/work': offlineFor(1, noWork) });
      inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[]} openDeals={[deal()]} openCases={[]} />, api, 'es-ES');
      fireEvent.click(screen.getByRole('button', { name: /^Oportunidades abiertas\s*1$/ }));
      fireEvent.click(await screen.findByRole('button', { name: 'Historial de 50 seats' }));
      // The read fails: it says so, once for the timeline and its counters.
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      expect(alert.textContent).toContain('No se puede conectar con Rapport');
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      // The person's own timeline stays open above, empty: the deal's section is the one that failed.
      const deals = screen.getByRole('region', { name: 'Oportunidades abiertas' });
      expect(within(deals).queryByText('Todavía no hay actividades.')).toBeNull();
      fireEvent.click(within(alert).getByText('Reintentar'));
      expect(await within(deals).findByText('Todavía no hay actividades.')).toBeTruthy();
      await screen.findByLabelText('Trabajo previsto: Historial de 50 seats');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(sentTo('GET /api/deals/{id}/timeline')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stacks its sections with the timeline open, and reads a closed one only when it is opened', async () => {
    const { api, sentTo } = fakeApi({
      ...dealRoutes,
      'GET /api/contacts/{id}/history': () => page([{ version: 2, action: 'updated', by: 'me', at: '2026-11-20T10:00:00.000Z', changes: [{ field: 'title', before: 'CFO', after: 'CEO' }] }]),
      'GET /api/members': () => page([]),
    });
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[activity('a2', 'Intro call')]} openDeals={[deal()]} openCases={[]} companyId="co1" />, api);
    const toggles = screen.getAllByRole('button', { expanded: false }).concat(screen.getAllByRole('button', { expanded: true }));
    expect(toggles.map((button) => [button.textContent?.trim(), button.getAttribute('aria-expanded')])).toEqual([
      ['Open deals1', 'false'],
      ['Open cases', 'false'],
      ['Purchases', 'false'],
      ['Documents', 'false'],
      ['Changes', 'false'],
      ['Timeline', 'true'],
    ]);
    expect(screen.getByRole('region', { name: 'Timeline' }).textContent).toContain('Intro call');
    await screen.findByLabelText('Planned work: Timeline');
    // Nothing of a closed section is read: not the deals' pipeline, nor the record's changes, the purchases or documents.
    expect([...sentTo('GET /api/pipeline'), ...sentTo('GET /api/contacts/{id}/history'), ...sentTo('GET /api/companies/{id}/purchases'), ...sentTo('GET /api/documents')]).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Changes' }));
    const changes = await screen.findByRole('list', { name: 'Changes' });
    await waitFor(() => expect(changes.textContent).toContain('Job title: CFO → CEO'));
    expect(sentTo('GET /api/contacts/{id}/history')).toHaveLength(1);
    expect(sentTo('GET /api/pipeline')).toHaveLength(0);
  });

  it('changes a deal\'s stage once per pick, with the version it read, and lists it at once', async () => {
    const { api, sentTo } = fakeApi({ ...dealRoutes, 'PATCH /api/deals/{id}': (request) => deal({ ...(request.body as object), version: 4 }) });
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[]} openDeals={[deal()]} openCases={[]} />, api);
    fireEvent.click(screen.getByRole('button', { name: /^Open deals\s*1$/ }));
    // Role queries are slow on a pane this size: the deal's button, once the member and the section are loaded, within 5 s.
    fireEvent.click(await screen.findByRole('button', { name: 'Products and stage of 50 seats' }, { timeout: 5000 }));
    fireEvent.change(await screen.findByLabelText('Stage'), { target: { value: 'negotiation' } });
    await screen.findByText(/Stage: Negotiation/);
    const sent = sentTo('PATCH /api/deals/{id}');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ stage: 'negotiation' });
    expect(sent[0]?.headers['if-match']).toBe('"3"');
  });

  it('says a deal closed from the tab is won, and takes it off the open deals', async () => {
    const { api, sentTo } = fakeApi({ ...dealRoutes, 'PATCH /api/deals/{id}': (request) => deal({ ...(request.body as object), status: 'won', version: 4 }) });
    inPane(<RecordSections owner={{ kind: 'contact', id: 'c1' }} initialTimeline={[]} openDeals={[deal()]} openCases={[]} />, api);
    fireEvent.click(screen.getByRole('button', { name: /^Open deals\s*1$/ }));
    // Role queries are slow on a pane this size: the deal's button, once the member and the section are loaded, within 5 s.
    fireEvent.click(await screen.findByRole('button', { name: 'Products and stage of 50 seats' }, { timeout: 5000 }));
    fireEvent.click(await screen.findByText('Close as won'));
    fireEvent.change(screen.getByLabelText(/Why was it won/), { target: { value: 'Best price' } });
    fireEvent.click(screen.getByText('Close deal'));
    expect(await screen.findByText('50 seats is won: €12,000.00.')).toBeTruthy();
    expect(screen.queryByText(/Stage: /)).toBeNull();
    expect(sentTo('PATCH /api/deals/{id}').map((request) => request.body)).toEqual([{ stage: 'won', closeReason: 'Best price' }]);
  });
});

describe('DealPanel', () => {
  const typed = deal({ name: 'Typed', amount: 18500, amountSetByHand: true });
  const withLines = (request: SentRequest, extra: Partial<Deal> = {}) => {
    const body = request.body as { lineItems: Deal['lineItems'] };
    return deal({ ...typed, ...(request.body as object), lineItems: body.lineItems.map((line) => ({ ...line, unitPrice: 1334 })), version: 4, ...extra });
  };
  const addSeat = async (route: FakeRoute) => {
    const harness = fakeApi({ 'PATCH /api/deals/{id}': route, 'GET /api/deals/{id}': () => typed });
    renderInPane(<DealPanel deal={typed} stages={stages} products={[seats as never]} onSaved={() => undefined} />, { api: harness.api });
    fireEvent.change(screen.getByLabelText('Product'), { target: { value: 'seats' } });
    fireEvent.click(screen.getByText('Add product'));
    return { ...harness, question: await screen.findByRole('group', { name: 'Deal amount' }) };
  };

  it('asks before the first line replaces an amount typed by hand, and keeps it when told', async () => {
    const { question, sentTo } = await addSeat((request) => withLines(request));
    expect(question.textContent).toContain("The deal's amount, €18,500.00, is set by hand: use the lines' total, or keep it?");
    expect(sentTo('PATCH /api/deals/{id}')).toHaveLength(0);
    fireEvent.click(screen.getByText('Keep €18,500.00'));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Deal amount' })).toBeNull());
    expect(sentTo('PATCH /api/deals/{id}').map((request) => [request.body, request.headers['if-match']])).toEqual([
      [{ lineItems: [{ productId: 'seats', quantity: 1, discountPercent: 0 }] }, '"3"'],
    ]);
    expect(screen.getByText('Deal amount: €18,500.00')).toBeTruthy();
  });

  it("uses the lines' total when the rep chooses it", async () => {
    const { sentTo } = await addSeat((request) => withLines(request, { amount: 1334, amountSetByHand: false }));
    fireEvent.click(screen.getByText("Use the lines' total (€1,334.00)"));
    expect(await screen.findByText('Deal amount: €1,334.00')).toBeTruthy();
    expect(screen.getByText('(total of the lines)')).toBeTruthy();
    expect(sentTo('PATCH /api/deals/{id}').map((request) => request.body)).toEqual([{ lineItems: [{ productId: 'seats', quantity: 1, discountPercent: 0 }], amountSetByHand: false }]);
  });

  it('keeps what the rep typed when someone else changed the deal first, and saves it on the version reloaded', async () => {
    const theirs = deal({ version: 5, lineItems: [{ productId: 'seats', quantity: 2, unitPrice: 1334, discountPercent: 0 }] });
    const { api, sentTo } = fakeApi({
      'PATCH /api/deals/{id}': (request) => (request.headers['if-match'] === '"3"' ? fail(412, 'RECORD.STALE_VERSION', { kind: 'deal' }) : deal({ ...theirs, status: 'lost', stage: 'lost', version: 6 })),
      'GET /api/deals/{id}': () => theirs,
    });
    const onSaved = jest.fn();
    renderInPane(<DealPanel deal={deal()} stages={stages} products={[seats as never]} onSaved={onSaved} />, { api });
    fireEvent.click(screen.getByText('Close as lost'));
    fireEvent.change(screen.getByLabelText(/Why was it lost/), { target: { value: 'Went with a competitor' } });
    fireEvent.click(screen.getByText('Close deal'));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed the deal first');
    expect((screen.getByLabelText(/Why was it lost/) as HTMLTextAreaElement).value).toBe('Went with a competitor');
    fireEvent.click(screen.getByText('Reload the deal'));
    // Their change shows, what the rep typed stays.
    await screen.findByText(/2 × Seats/);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((screen.getByLabelText(/Why was it lost/) as HTMLTextAreaElement).value).toBe('Went with a competitor');
    fireEvent.click(screen.getByText('Close deal'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ status: 'lost' }), true));
    expect(sentTo('PATCH /api/deals/{id}').map((request) => request.headers['if-match'])).toEqual(['"3"', '"5"']);
  });

  it('shows what the API found wrong at the field it is about', async () => {
    const { api } = fakeApi({
      'PATCH /api/deals/{id}': () => fail(400, 'REQUEST.VALIDATION_FAILED', { fields: [{ path: 'lineItems.0.quantity', code: 'too_big', message: 'Too big' }] }),
    });
    renderInPane(<DealPanel deal={deal()} stages={stages} products={[seats as never]} onSaved={() => undefined} />, { api });
    fireEvent.change(screen.getByLabelText('Product'), { target: { value: 'seats' } });
    fireEvent.change(screen.getByLabelText('Quantity'), { target: { value: '100000' } });
    fireEvent.click(screen.getByText('Add product'));
    expect(await screen.findByText('Some fields need fixing. Check the ones marked below and save again.')).toBeTruthy();
    // At the field it is about, in words, not the API's.
    expect(screen.getByText('This is too long. Shorten it.')).toBeTruthy();
    expect((screen.getByLabelText('Quantity') as HTMLInputElement).value).toBe('100000');
  });
});

describe('CaseList', () => {
  const serviceCase = (extra: Partial<Case> = {}): Case =>
    ({ ...stamp, id: 'k1', version: 2, number: 1042, subject: 'Broken hinge', type: 'incident', priority: 'normal', status: 'new', openedAt: '2026-11-01T09:00:00.000Z', contactId: 'c1', ...extra }) as Case;

  it('ends a case once per pick, says so and takes it off the open cases', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/me': () => me(), 'PATCH /api/cases/{id}': (request) => serviceCase({ ...(request.body as object), version: 3 }) });
    inPane(<CaseList cases={[serviceCase({ status: 'pending' })]} />, api);
    fireEvent.change(await screen.findByLabelText('Status of Case #1042'), { target: { value: 'closed' } });
    expect(await screen.findByText('Case #1042: Closed.')).toBeTruthy();
    expect(screen.queryByText(/Broken hinge/)).toBeNull();
    expect(sentTo('PATCH /api/cases/{id}').map((request) => [request.body, request.headers['if-match']])).toEqual([[{ status: 'closed' }, '"2"']]);
  });

  it('keeps a typed tracking number when someone else changed the case first', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => me(),
      'PATCH /api/cases/{id}': (request) => (request.headers['if-match'] === '"2"' ? fail(412, 'RECORD.STALE_VERSION', { kind: 'case' }) : serviceCase({ trackingNumber: 'TRK-9', version: 4 })),
      'GET /api/cases/{id}': () => serviceCase({ version: 3, priority: 'high' }),
    });
    inPane(<CaseList cases={[serviceCase()]} />, api);
    fireEvent.change(await screen.findByLabelText('Tracking number of Case #1042'), { target: { value: 'TRK-9' } });
    fireEvent.click(screen.getByText('Save tracking number'));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed the case first');
    fireEvent.click(screen.getByText('Reload the case'));
    await screen.findByText(/High/);
    expect((screen.getByLabelText('Tracking number of Case #1042') as HTMLInputElement).value).toBe('TRK-9');
    fireEvent.click(screen.getByText('Save tracking number'));
    // The tracking number is one piece, never broken across lines.
    expect((await screen.findByTitle('TRK-9')).parentElement?.textContent).toContain('Tracking TRK-9');
    expect(sentTo('PATCH /api/cases/{id}').map((request) => request.headers['if-match'])).toEqual(['"2"', '"3"']);
  });

  it("reads a contact's closed cases when asked, and says when there are none", async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/me': () => me(), 'GET /api/cases': () => page([serviceCase({ status: 'assigned' })]) });
    inPane(<CaseList cases={[]} owner={{ kind: 'contact', id: 'c1' }} />, api);
    expect(screen.getByText('No open cases.')).toBeTruthy();
    fireEvent.click(screen.getByText('Show closed cases'));
    expect(await screen.findByText('No closed cases.')).toBeTruthy();
    expect(sentTo('GET /api/cases').map((request) => request.query)).toEqual([{ contactId: 'c1', limit: '50' }]);
  });
});

describe('ChangeHistory', () => {
  const entry = { version: 2, action: 'updated', by: 'm1', at: '2026-11-20T10:00:00.000Z', changes: [{ field: 'title', before: 'CFO', after: 'CEO' }] };

  it('says who changed what, and reads it again when the first read failed', async () => {
    let busy = true;
    const { api } = fakeApi({
      'GET /api/contacts/{id}/history': () => (busy ? fail(503, 'SERVICE.UNAVAILABLE') : page([entry])),
      'GET /api/members': () => page([{ ...stamp, id: 'm1', version: 1, displayName: 'Morgan Blake', email: 'm@x.com', role: 'manager' }]),
    });
    renderInPane(<ChangeHistory owner={{ kind: 'contact', id: 'c1' }} />, { api });
    const alert = await screen.findByRole('alert');
    expect(screen.queryByText('No changes recorded.')).toBeNull();
    busy = false;
    fireEvent.click(within(alert).getByText('Try again'));
    const list = await screen.findByRole('list', { name: 'Changes' });
    await waitFor(() => expect(list.textContent).toContain('Morgan Blake changed it'));
    expect(list.textContent).toContain('Job title: CFO → CEO');
  });
});

describe('ChangeHistory of phones', () => {
  it('shows each phone number whole, as one piece, and other values as text', async () => {
    const entry = {
      version: 3,
      action: 'updated',
      by: 'm1',
      at: '2026-11-20T10:00:00.000Z',
      changes: [{ field: 'phones', before: [{ type: 'work', number: '+351 215 407 291' }], after: [{ type: 'work', number: '+351 215 407 291' }, { type: 'mobile', number: '+351 912 345 678' }] }],
    };
    const { api } = fakeApi({ 'GET /api/contacts/{id}/history': () => page([entry]), 'GET /api/members': () => page([]) });
    renderInPane(<ChangeHistory owner={{ kind: 'contact', id: 'c1' }} />, { api });
    const list = await screen.findByRole('list', { name: 'Changes' });
    expect(list.textContent).toContain('Phones: work +351 215 407 291 → work +351 215 407 291, mobile +351 912 345 678');
    expect(within(list).getAllByTitle('+351 215 407 291')).toHaveLength(2);
    expect(within(list).getByTitle('+351 912 345 678').textContent).toBe('+351 912 345 678');
    expect(within(list).queryByTitle('mobile')).toBeNull();
  });
});

describe('PurchaseHistory', () => {
  const won = deal({
    id: 'd9',
    name: 'Hardware refresh',
    amount: 13366.63,
    currency: 'USD',
    stage: 'won',
    status: 'won',
    ownerId: 'u',
    closedAt: '2026-03-01T10:00:00Z',
    lineItems: [
      { productId: 'p1', quantity: 3, unitPrice: 4821, discountPercent: 10 },
      { productId: 'p2', quantity: 7, unitPrice: 49.99, discountPercent: 0 },
    ],
  });
  const purchases = () => ({ deals: [won], products: { p1: { name: 'GTX Pro' }, p2: { name: 'MG Special' } }, owners: { u: { displayName: 'Avery Quinn' } }, capped: false });

  it('lists what the company bought: each won deal with its date, rep, amount and lines', async () => {
    const { api, sentTo } = fakeApi({ 'GET /api/companies/{id}/purchases': purchases });
    renderInPane(<PurchaseHistory companyId="co1" />, { api });
    const list = await screen.findByRole('list', { name: 'Purchases' });
    expect(sentTo('GET /api/companies/{id}/purchases').map((request) => request.params.id)).toEqual(['co1']);
    for (const text of ['Hardware refresh · $13,366.63', 'Won Mar 1, 2026 · Avery Quinn', '3 × GTX Pro at $4,821.00 (−10%)', '7 × MG Special at $49.99']) {
      expect(list.textContent).toContain(text);
    }
  });

  it('says the purchases could not be read, not that there are none, and Retry reads them', async () => {
    let busy = true;
    const { api } = fakeApi({ 'GET /api/companies/{id}/purchases': () => (busy ? fail(503, 'SERVICE.UNAVAILABLE') : purchases()) });
    renderInPane(<PurchaseHistory companyId="co1" />, { api });
    const alert = await screen.findByRole('alert');
    expect(screen.queryByText('No purchases yet.')).toBeNull();
    busy = false;
    fireEvent.click(within(alert).getByText('Try again'));
    expect(await screen.findByRole('list', { name: 'Purchases' })).toBeTruthy();
  });
});

describe('LogOutcomeForm', () => {
  const appointment = (startsInMinutes: number): Activity =>
    activity('m1', 'Demo', { kind: 'meeting', at: new Date(Date.now() + startsInMinutes * 60_000).toISOString(), durationMinutes: 60, status: 'planned', companyId: 'co1' });

  it('offers held and no-show only once the meeting has started, and says when', async () => {
    renderInPane(<LogOutcomeForm appointment={appointment(3 * 24 * 60)} onSaved={() => undefined} />, { api: fakeApi({}).api });
    expect(((await screen.findByLabelText('Held')) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('No-show') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Cancelled') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByText(/you can log it held or a no-show once it has started/)).toBeTruthy();
    expect((screen.getByText('Save outcome') as HTMLButtonElement).disabled).toBe(true);
  });

  it('preselects held for a meeting that has started', async () => {
    renderInPane(<LogOutcomeForm appointment={appointment(-30)} onSaved={() => undefined} />, { api: fakeApi({}).api });
    expect(((await screen.findByLabelText('Held')) as HTMLInputElement).checked).toBe(true);
  });

  it('defaults a follow-up task to after the meeting ends, never before it', async () => {
    const meeting = appointment(3 * 24 * 60);
    const { api, sentTo } = fakeApi({
      'PATCH /api/activities/{id}': () => ({ ...meeting, status: 'done', outcome: 'rescheduled', version: 2 }),
      'POST /api/activities': (request) => activity('t1', 'Follow up', request.body as Partial<Activity>),
    });
    const onSaved = jest.fn();
    renderInPane(<LogOutcomeForm appointment={meeting} onSaved={onSaved} />, { api });
    fireEvent.click(await screen.findByLabelText('Rescheduled'));
    fireEvent.click(screen.getByLabelText('Follow-up task'));
    const due = screen.getByLabelText(/Due date/) as HTMLInputElement;
    const ends = new Date(Date.parse(meeting.at) + 60 * 60_000);
    expect(Date.parse(`${due.value}T23:59:59`)).toBeGreaterThan(ends.getTime());
    expect(due.min <= due.value).toBe(true);
    fireEvent.click(screen.getByText('Save outcome'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.stringMatching(/^Outcome saved; follow-up task due/), false));
    const task = sentTo('POST /api/activities');
    expect(task).toHaveLength(1);
    expect(Date.parse((task[0]?.body as { at: string }).at)).toBeGreaterThanOrEqual(ends.getTime());
    expect(task[0]?.body).toMatchObject({ kind: 'task', subject: 'Follow up: Demo', status: 'planned', contactIds: ['c1'], companyId: 'co1' });
    expect(sentTo('PATCH /api/activities/{id}').map((request) => [request.body, request.headers['if-match']])).toEqual([[{ status: 'done', outcome: 'rescheduled' }, '"1"']]);
  });

  it('saves the outcome once: Retry after a failed follow-up creates only the task, with the same key', async () => {
    const meeting = appointment(-90);
    let busy = true;
    const { api, sentTo } = fakeApi({
      'PATCH /api/activities/{id}': () => ({ ...meeting, status: 'done', outcome: 'held', version: 2 }),
      'POST /api/activities': (request) => (busy ? fail(503, 'SERVICE.UNAVAILABLE') : activity('t1', 'Follow up', request.body as Partial<Activity>)),
    });
    const onSaved = jest.fn();
    renderInPane(<LogOutcomeForm appointment={meeting} onSaved={onSaved} />, { api, language: 'pt-BR' });
    fireEvent.click(await screen.findByLabelText('Tarefa de acompanhamento'));
    fireEvent.click(screen.getByText('Salvar resultado'));
    const alert = await screen.findByRole('alert');
    busy = false;
    fireEvent.click(within(alert).getByText(/Tentar/));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(sentTo('PATCH /api/activities/{id}')).toHaveLength(1);
    const keys = sentTo('POST /api/activities').map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('HeadlineFigures', () => {
  const report = (name: string, values: Record<string, number | null>, extra: object = {}) => ({
    report: name, from: '2026-10', to: '2026-11', currency: 'EUR', converted: true, currencies: [], filters: {}, generatedAt: '2026-11-20T00:00:00Z',
    ratesUsed: [{ currency: 'USD', month: '2026-11', rate: '0.9' }], missingRates: [],
    columns: Object.keys(values).map((key) => ({ key, kind: key.toLowerCase().includes('amount') ? 'money' : 'count' })),
    rows: [{ key: 'me', label: 'Me', values }],
    ...extra,
  });

  it("shows a rep's figures after a won USD deal in a EUR tenant, converted, says at which rates, and links the dashboard in the pane's language", async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/me': () => me(),
      'GET /api/reports/{report}': (request) =>
        request.params.report === 'open-deals-by-owner'
          ? report(request.params.report, { deals: 3, amount: 12000, weightedAmount: 6000 })
          : report(String(request.params.report), { won: 1, lost: 0, winRate: 1, wonAmount: 23490 }, { missingRates: ['BRL'] }),
    });
    inPane(<HeadlineFigures userEmail="avery.quinn@rapport-demo.com" />, api, 'es-ES');
    const figures = await screen.findByRole('region', { name: 'Mis cifras' });
    await waitFor(() => expect(figures.textContent).toMatch(/Ganado este trimestre23\.490,00\s€/));
    expect(sentTo('GET /api/reports/{report}').find((request) => request.params.report === 'open-deals-by-owner')?.query).toEqual({ ownerId: 'me' });
    expect(figures.textContent).toMatch(/Tasa de éxito este trimestre100\s%/);
    expect(figures.textContent).toContain('En EUR, convertido con los tipos de cambio de nov 2026.');
    expect(figures.textContent).toContain('No hay tipo de cambio para BRL');
    expect(within(figures).getByRole('link').getAttribute('href')).toBe('dashboard.html?lang=es-ES&as=avery.quinn%40rapport-demo.com');
  });

  it('says the figures could not be read, with Retry', async () => {
    let busy = true;
    const { api } = fakeApi({
      'GET /api/me': () => me(),
      'GET /api/reports/{report}': (request) => (busy ? fail(503, 'SERVICE.UNAVAILABLE') : report(String(request.params.report), { amount: 100, weightedAmount: 50, won: 0, lost: 0, wonAmount: 0 })),
    });
    inPane(<HeadlineFigures userEmail="avery.quinn@rapport-demo.com" />, api);
    const alert = await screen.findByRole('alert');
    busy = false;
    await act(async () => {
      fireEvent.click(within(alert).getByText('Try again'));
    });
    expect(await screen.findByText('none closed')).toBeTruthy();
  });
});
