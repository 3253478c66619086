/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Deal } from '@rapport/shared';
import { createApiClient } from '../../addin/src/api/client';
import { localDate } from '../../addin/src/data/today';
import { MeProvider } from '../../addin/src/hooks/useMe';
import type { MailItem } from '../../addin/src/office/mail-item';
import { PeopleView } from '../../addin/src/taskpane/PeopleView';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
import type { LocalApp } from '../../functions/src/local/local-mode';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import type { RunningServer } from '../../functions/src/server';
import { renderInPane } from './pane-harness';

// Each test starts the API on a store of its own, and renders the card over it: real round trips, given time on a
// busy machine.
jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

// The card over the real API and store (the standalone host on a random port): what the rep sees, and what the store
// holds after they created a deal from the e-mail.

const ADMIN = 'sam-admin';
const REP = 'avery-rep';

type Sent = { method: string; path: string; headers: Record<string, string> };

/**
 * The pane's fetch: every request recorded; `loseAnswer` makes the next matching request reach the API but its answer
 * never come back, as when the network drops on the way back.
 */
function paneFetch(sent: Sent[], loseAnswer: { match: (method: string, path: string) => boolean; times: number }) {
  return (async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const { pathname } = new URL(url);
    sent.push({ method, path: pathname, headers: (init.headers ?? {}) as Record<string, string> });
    const response = await fetch(url, init);
    if (loseAnswer.times > 0 && loseAnswer.match(method, pathname)) {
      loseAnswer.times--;
      throw new TypeError('Failed to fetch');
    }
    return response;
  }) as typeof fetch;
}

/** What the record navigation has open, as the pane's record view would show it. */
function OpenedRecord() {
  const { current } = useRecordNavigation();
  return current ? <p>{`Opened ${current.kind} ${current.id}`}</p> : null;
}

describe('a new deal from the card', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let sent: Sent[];
  let loseAnswer: { match: (method: string, path: string) => boolean; times: number };
  // A tenant of its own for each test, on one API: what one test creates, no other sees.
  let tenants = 0;
  let tenant: string;
  let companyId: string;
  let contactId: string;

  const asAdmin = async (method: string, route: string, body: unknown, extra: Record<string, string> = {}) => {
    const token = await app.issuer.issue({ tenantId: tenant, userId: ADMIN, roles: ['admin'] });
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; version: number };
  };
  const dealsInStore = async () => (await app.store.list('deal', tenant, { limit: 50 })).items as Deal[];

  const item = (overrides: Partial<MailItem> = {}): MailItem => ({
    mode: 'message-read',
    key: '<renewal@contoso.example>',
    subject: 'RE: AW: Renewal 2027',
    participants: [{ email: 'john.doe@contoso.example', name: 'Doe, John', role: 'from' }],
    internetMessageId: '<renewal@contoso.example>',
    eventId: null,
    start: null,
    end: null,
    sentAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  });

  const renderCard = (mailItem = item()) => {
    const api = createApiClient({ baseUrl: server.url, getToken: () => app.issuer.issue({ tenantId: tenant, userId: REP, roles: ['rep'] }), fetch: paneFetch(sent, loseAnswer) });
    return renderInPane(
      <RecordNavigationProvider>
        <MeProvider>
          <PeopleView loadCalendar={() => Promise.reject(new Error('no calendar in these tests'))} userEmail="avery@rapport.example" item={mailItem} readBody={async () => ''} />
        </MeProvider>
        <OpenedRecord />
      </RecordNavigationProvider>,
      { api },
    );
  };
  const dealsPosted = () => sent.filter((request) => request.method === 'POST' && request.path === '/api/deals');

  beforeAll(async () => {
    api = await startInProcessApi('new-deal');
    ({ app, server } = api);
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    tenant = `tenant-deals-${++tenants}`;
    sent = [];
    loseAnswer = { match: () => false, times: 0 };
    // The tenant reports in euros and has a rate for dollars: the form offers both, euros first.
    await asAdmin('PATCH', '/api/settings', { reportingCurrency: 'EUR', exchangeRates: [{ currency: 'USD', month: '2026-01', rate: '0.92' }] }, { 'if-match': '"0"' });
    companyId = (await asAdmin('POST', '/api/companies', { name: 'Contoso', domains: ['contoso.example'] }, { 'idempotency-key': `company-${tenant}` })).id;
    contactId = (await asAdmin('POST', '/api/contacts', { firstName: 'John', lastName: 'Doe', emails: ['john.doe@contoso.example'], companyId }, { 'idempotency-key': `contact-${tenant}` })).id;
  });

  const openForm = async () => {
    const card = await screen.findByRole('region', { name: 'John Doe' });
    fireEvent.click(screen.getByRole('button', { name: 'New deal' }));
    const form = await screen.findByRole('form', { name: 'New deal' });
    // The stages and currencies come from the API: the form is ready once its choices are there.
    await within(form).findByRole('combobox', { name: 'Stage' });
    await within(form).findByRole('combobox', { name: 'Currency' });
    return { card, form };
  };

  it("suggests the deal, refuses a bad amount at the field before sending, and creates it linked to the contact and company in the tenant's currency", async () => {
    renderCard();
    const { card, form } = await openForm();
    const field = (name: string | RegExp) => within(form).getByRole('textbox', { name }) as HTMLInputElement;

    expect(field(/Deal name/).value).toBe('Contoso – Renewal 2027');
    const currency = within(form).getByRole('combobox', { name: 'Currency' }) as HTMLSelectElement;
    expect(currency.value).toBe('EUR');
    expect(within(currency).getAllByRole('option').map((option) => option.textContent)).toEqual(['EUR', 'USD']);
    const stage = within(form).getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement;
    expect(within(stage).getAllByRole('option').map((option) => option.textContent)).toEqual(['Prospecting', 'Qualification', 'Proposal', 'Negotiation']);
    expect(stage.value).toBe('prospecting');
    const inThirtyDays = new Date();
    inThirtyDays.setDate(inThirtyDays.getDate() + 30);
    expect((within(form).getByLabelText('Expected close') as HTMLInputElement).value).toBe(localDate(inThirtyDays));

    // Cents of a cent: euros have two decimals. Said at the field, and nothing is sent.
    fireEvent.change(field('Amount'), { target: { value: '25000.125' } });
    await within(form).findByText('EUR amounts have at most 2 decimals.');
    fireEvent.change(field('Amount'), { target: { value: 'lots' } });
    await within(form).findByText('Type an amount as a number, e.g. 25,000.00.');
    fireEvent.click(within(form).getByRole('button', { name: 'Create deal' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dealsPosted()).toHaveLength(0);
    expect(await dealsInStore()).toEqual([]);

    fireEvent.change(field('Amount'), { target: { value: '25,000.50' } });
    await waitFor(() => expect(within(form).queryByText(/Type an amount/)).toBeNull());
    fireEvent.change(field(/Next step/), { target: { value: 'Send the revised quote by Friday' } });
    fireEvent.change(stage, { target: { value: 'proposal' } });
    // A double click: one request, one deal.
    const create = within(form).getByRole('button', { name: 'Create deal' });
    fireEvent.click(create);
    fireEvent.click(create);

    const notice = await screen.findByText('Deal “Contoso – Renewal 2027” created.');
    expect(screen.queryByRole('form', { name: 'New deal' })).toBeNull();
    const stored = await dealsInStore();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'Contoso – Renewal 2027',
      amount: 25000.5,
      currency: 'EUR',
      stage: 'proposal',
      status: 'open',
      expectedCloseDate: localDate(inThirtyDays),
      nextStep: 'Send the revised quote by Friday',
      contactIds: [contactId],
      companyId,
      ownerId: REP,
    });
    expect(dealsPosted()).toHaveLength(1);
    expect(dealsPosted()[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    // The card is read again: its one open deal is the new one, with its next step, where the card starts.
    await within(card).findByText('Contoso – Renewal 2027');
    within(card).getByText('Next step: Send the revised quote by Friday');
    const openDeals = screen.getByRole('region', { name: 'Open deals' });
    fireEvent.click(within(openDeals).getByRole('button', { name: /Open deals/ }));
    await within(openDeals).findByText('Contoso – Renewal 2027');

    // The notice opens the deal in the pane's record view.
    const status = notice.closest('[role="status"]') as HTMLElement;
    fireEvent.click(within(status).getByRole('button', { name: 'Open deal' }));
    await screen.findByText(`Opened deal ${stored[0]!.id}`);
  });

  it('creates one deal when the answer was lost and the rep selects Try again', async () => {
    loseAnswer = { match: (method, route) => method === 'POST' && route === '/api/deals', times: 1 };
    renderCard();
    const { form } = await openForm();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Amount' }), { target: { value: '1200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create deal' }));

    // The API made the deal, but the pane never heard: it says it could not reach Rapport, with Try again.
    const retry = await within(form).findByRole('button', { name: 'Try again' });
    expect(await dealsInStore()).toHaveLength(1);
    fireEvent.click(retry);
    await screen.findByText('Deal “Contoso – Renewal 2027” created.');

    const stored = await dealsInStore();
    expect(stored.map((deal) => [deal.name, deal.amount, deal.currency])).toEqual([['Contoso – Renewal 2027', 1200, 'EUR']]);
    // Both sends carried one key: the API answered the second with the deal the first made.
    const keys = dealsPosted().map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it("shows the API's field error on the stage when the stage was removed from the pipeline meanwhile", async () => {
    renderCard();
    const { form } = await openForm();
    // An admin drops the first stage while the form is open: the form still offers it.
    await asAdmin(
      'PATCH',
      '/api/pipeline',
      {
        stages: [
          { id: 'qualification', name: 'Qualification', probability: 25, kind: 'open' },
          { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' },
          { id: 'won', name: 'Won', probability: 100, kind: 'won' },
          { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' },
        ],
      },
      { 'if-match': '"0"' },
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Create deal' }));
    // Said above the buttons (with Retry) and at the field the API named.
    expect(await within(form).findAllByText('This stage is no longer in the pipeline. Choose another stage.')).toHaveLength(2);
    // The field the API named says so too, and the stages are read again: the removed one is no longer offered.
    const stage = within(form).getByRole('combobox', { name: 'Stage' }) as HTMLSelectElement;
    expect(stage.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(within(stage).getAllByRole('option').map((option) => option.textContent)).toEqual(['Qualification', 'Proposal']));
    expect(await dealsInStore()).toEqual([]);

    fireEvent.click(within(form).getByRole('button', { name: 'Create deal' }));
    await screen.findByText('Deal “Contoso – Renewal 2027” created.');
    expect((await dealsInStore()).map((deal) => deal.stage)).toEqual(['qualification']);
  });

  it('makes a deal for the company when the sender is someone new there', async () => {
    renderCard(item({ subject: 'Fwd: Pilot for the Lisbon office', participants: [{ email: 'jamie.rivera@contoso.example', name: 'Rivera, Jamie', role: 'from' }] }));
    await screen.findByRole('form', { name: 'Add jamie.rivera@contoso.example to the CRM' });
    fireEvent.click(screen.getByRole('button', { name: 'New deal' }));
    const form = await screen.findByRole('form', { name: 'New deal' });
    await within(form).findByRole('combobox', { name: 'Stage' });
    // Create deal waits for the currencies too: clicked before they came, it would do nothing.
    await within(form).findByRole('combobox', { name: 'Currency' });
    within(form).getByText('With Contoso');
    expect((within(form).getByRole('textbox', { name: /Deal name/ }) as HTMLInputElement).value).toBe('Contoso – Pilot for the Lisbon office');
    fireEvent.click(within(form).getByRole('button', { name: 'Create deal' }));
    await screen.findByText('Deal “Contoso – Pilot for the Lisbon office” created.');
    expect((await dealsInStore()).map((deal) => ({ companyId: deal.companyId, contactIds: deal.contactIds, currency: deal.currency }))).toEqual([{ companyId, contactIds: [], currency: 'EUR' }]);
  });
});
