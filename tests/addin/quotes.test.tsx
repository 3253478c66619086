/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Deal, Quote } from '@rapport/shared';
import type { Role } from '@rapport/shared/members/member.schema';
import { QUOTE_LINE_DESCRIPTION_MAX } from '@rapport/shared/quotes/quote.rules';
import { quoteTotals } from '@rapport/shared/quotes/quote-totals.rules';
import { createApiClient } from '../../addin/src/api/client';
import { InsertQuote } from '../../addin/src/components/quotes/InsertQuote';
import { changesOf, draftOf, readDraft } from '../../addin/src/components/quotes/quote-draft';
import { quoteEmail } from '../../addin/src/components/quotes/quote-email';
import { QuotesSection } from '../../addin/src/components/quotes/QuotesSection';
import { MeProvider } from '../../addin/src/hooks/useMe';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import type { DraftAttachments } from '../../addin/src/office/draft-attachment';
import type { LocalApp } from '../../functions/src/local/local-mode';
import type { RunningServer } from '../../functions/src/server';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { renderInPane } from './pane-harness';

// Quotes in the pane over the real API and store: a rep opens a deal's quotes, drafts one from the deal, changes its
// lines with the totals following as they type, saves at the version read, sends it and gives the customer its link;
// in a message being written, Insert quote puts the link in the customer's language.

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 30_000 });

const REP = 'ana-rep';
const ADMIN = 'sam-admin';
const names: Record<string, string> = { [REP]: 'Ana Souza', [ADMIN]: 'Sam Patel' };
const roleOf: Record<string, Role> = { [REP]: 'rep', [ADMIN]: 'admin' };
const euros = (amount: number, locale = 'en-US') => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

type Sent = { method: string; path: string; headers: Record<string, string>; body: unknown };

describe('quotes in the pane', () => {
  let api: InProcessApi;
  let app: LocalApp;
  let server: RunningServer;
  let tenants = 0;
  let tenant: string;
  let deal: Deal;
  let sent: Sent[];

  const tokenOf = (userId: string) => app.issuer.issue({ tenantId: tenant, userId, roles: [roleOf[userId]!], name: names[userId]! });
  const asUser = async <T,>(userId: string | null, method: string, route: string, body?: object, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { ...(userId ? { authorization: `Bearer ${await tokenOf(userId)}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const create = <T,>(route: string, body: object, as = REP) => asUser<T>(as, 'POST', route, body, { 'idempotency-key': crypto.randomUUID() });
  const render = (ui: React.ReactNode, language = 'en-US') => {
    // The pane's real client; every request it makes is recorded (the If-Match of a save, say).
    const recording = (async (url: string, init: RequestInit = {}) => {
      const path = new URL(url).pathname;
      sent.push({ method: init.method ?? 'GET', path, headers: (init.headers ?? {}) as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined });
      // The PDF's renderer is another part's (and a placeholder on this base): its bytes stand in for it here.
      if (path.endsWith('/pdf')) return new Response(PDF, { status: 200, headers: { 'content-type': 'application/pdf' } });
      return fetch(url, init);
    }) as typeof fetch;
    const client = createApiClient({ baseUrl: server.url, getToken: () => tokenOf(REP), fetch: recording });
    return renderInPane(<MeProvider>{ui}</MeProvider>, { api: client, language });
  };
  const newQuote = (body: object = {}) => create<Quote>('/api/quotes', { dealId: deal.id, ...body });
  const send = (id: string) => asUser<Quote>(REP, 'POST', `/api/quotes/${id}/send`, {});

  beforeAll(async () => {
    api = await startInProcessApi('quotes-pane');
    ({ app, server } = api);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    sent = [];
    tenant = `tenant-quotes-${++tenants}`;
    for (const userId of [ADMIN, REP]) await asUser(userId, 'GET', '/api/me');
    const settings = await asUser<{ version: number }>(ADMIN, 'GET', '/api/settings');
    const quotes = { sellerName: 'Rapport Demo Ltd', taxRates: [{ name: 'IVA 21%', percent: 21 }, { name: 'IVA 10%', percent: 10 }], defaultTaxPercent: 21, validityDays: 30, language: 'en' };
    await asUser(ADMIN, 'PATCH', '/api/settings', { reportingCurrency: 'EUR', quotes }, { 'if-match': `"${settings.version}"` });
    // A Spanish customer's deal: 1,000 × 2 at 10 % off and 500 × 1, at IVA 21 % = €2,783.00.
    const company = await create<{ id: string }>('/api/companies', { name: 'Łódź Logística', address: { country: 'ES' } });
    const contact = await create<{ id: string }>('/api/contacts', { firstName: 'Lucía', lastName: 'Gómez', emails: [`lucia@lodz-${tenants}.example`], companyId: company.id });
    const seats = await create<{ id: string }>('/api/products', { name: 'Seat licence', unitPrice: 1000, currency: 'EUR' }, ADMIN);
    const setup = await create<{ id: string }>('/api/products', { name: 'Onboarding', unitPrice: 500, currency: 'EUR' }, ADMIN);
    deal = await create<Deal>('/api/deals', {
      name: 'Seats for Łódź',
      stage: 'proposal',
      currency: 'EUR',
      companyId: company.id,
      contactIds: [contact.id],
      lineItems: [{ productId: seats.id, quantity: 2, discountPercent: 10 }, { productId: setup.id, quantity: 1 }],
    });
  });

  it('says there are no quotes yet, and New quote drafts one from the deal and opens it with its totals', async () => {
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    expect(await screen.findByText(/^No quotes yet\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New quote' }));
    expect(await screen.findByRole('heading', { name: 'Q-1' })).toBeTruthy();
    expect(screen.getByText('Quote drafted from the deal’s products. Check it and save, then send it.')).toBeTruthy();
    // The draft's lines as a list first, then its editor as its chunk arrives: the editor's lines are groups of fields.
    const first = await screen.findByRole('group', { name: 'Line 1' });
    expect((within(first).getByLabelText('Product or service', { exact: false }) as HTMLInputElement).value).toBe('Seat licence');
    expect((within(first).getByLabelText('Quantity', { exact: false }) as HTMLInputElement).value).toBe('2');
    expect((within(first).getByLabelText('Tax') as HTMLSelectElement).value).toBe('21');
    const totals = screen.getByLabelText('Totals');
    expect(plain(totals.textContent)).toContain(`Tax 21% on ${plain(euros(2300))}${plain(euros(483))}`);
    expect(plain(totals.textContent)).toContain(`Total${plain(euros(2783))}`);
    // It is the deal's quote, in the customer's language.
    const [stored] = (await asUser<{ items: Quote[] }>(REP, 'GET', `/api/quotes?dealId=${deal.id}`)).items;
    expect(stored).toMatchObject({ number: 1, status: 'draft', language: 'es', totals: { total: 278_300 } });
  });

  it('lists the deal’s quotes newest first, each with its status, total and what happened to it', async () => {
    const first = await newQuote();
    const firstSent = await send(first.id);
    await asUser(null, 'POST', `/api/public/quotes/${firstSent.publicKey}/accept`, { name: 'Lucía Gómez', acceptTerms: true });
    const second = await newQuote({ discountPercent: 10 });
    const secondSent = await send(second.id);
    await asUser(null, 'POST', `/api/public/quotes/${secondSent.publicKey}/decline`, { reason: 'Too expensive this year' });
    const third = await newQuote({ revisionOf: second.id, discountPercent: 15 });
    await send(third.id);
    const draft = await newQuote({ lines: [] });

    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    const list = await screen.findByRole('list', { name: 'Quotes of Seats for Łódź' });
    const rows = within(list).getAllByRole('button');
    const translator = translatorFor('en-US');
    const today = translator.date(new Date().toISOString());
    // Each row: "Q-2 v2 · Sent · €2,365.55", and beneath it what happened to the quote.
    expect(rows.map((row) => plain(row.textContent))).toEqual(
      [
        `Q-3 · Draft · ${euros(0)}|Not sent yet`,
        `Q-2 v2 · Sent · ${euros(2365.55)}|Sent on ${today}, not opened yet`,
        `Q-2 · Replaced · ${euros(2504.7)}|Replaced by Q-2 v2`,
        `Q-1 · Accepted · ${euros(2783)}|Accepted by Lucía Gómez on ${today}`,
      ].map((text) => plain(text.replace('|', ''))),
    );
    expect(draft.number).toBe(3);
    // Each opens in place, and Back returns to the list.
    fireEvent.click(rows[3]!);
    expect(await screen.findByRole('heading', { name: 'Q-1' })).toBeTruthy();
    expect(screen.getByText('The customer answered this quote: it stays as they read it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New version' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'All quotes' }));
    expect(await screen.findByRole('list', { name: 'Quotes of Seats for Łódź' })).toBeTruthy();
  });

  it('recomputes the totals exactly as the rep types, and saves the changes with the version read (If-Match)', async () => {
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    const first = await screen.findByRole('group', { name: 'Line 1' });
    const second = screen.getByRole('group', { name: 'Line 2' });
    fireEvent.change(within(first).getByLabelText('Product or service', { exact: false }), { target: { value: 'Consulting day' } });
    fireEvent.change(within(first).getByLabelText('Quantity', { exact: false }), { target: { value: '3' } });
    fireEvent.change(within(first).getByLabelText('Unit price (EUR)', { exact: false }), { target: { value: '999.99' } });
    fireEvent.change(within(first).getByLabelText('Discount %'), { target: { value: '0' } });
    fireEvent.change(within(first).getByLabelText('Tax'), { target: { value: '10' } });
    fireEvent.change(within(second).getByLabelText('Product or service', { exact: false }), { target: { value: 'Travel' } });
    fireEvent.change(within(second).getByLabelText('Unit price (EUR)', { exact: false }), { target: { value: '80.05' } });
    fireEvent.change(screen.getByLabelText('Discount on the whole quote (%)'), { target: { value: '5' } });

    // 2,999.97 less 5 % (150.00) at 10 %, 80.05 less 4.00 at 21 %: the same figures the server's test computes.
    const totals = screen.getByLabelText('Totals');
    expect(plain(totals.textContent)).toBe(
      plain(
        `Subtotal${euros(3080.02)}Discount 5%${euros(-154)}Net${euros(2926.02)}Tax 21% on ${euros(76.05)}${euros(15.97)}Tax 10% on ${euros(2849.97)}${euros(285)}Total${euros(3226.99)}`,
      ),
    );
    expect(plain(within(first).getByText(/before tax/).textContent)).toBe(plain(`${euros(2849.97)} before tax · tax ${euros(285)}`));
    expect(screen.getByText('Changes not saved yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const save = sent.find((request) => request.method === 'PATCH');
    expect(save?.path).toBe(`/api/quotes/${draft.id}`);
    expect(save?.headers['if-match']).toBe(`"${draft.version}"`);
    expect(save?.body).toEqual({
      discountPercent: 5,
      lines: [
        { productId: draft.lines[0]!.productId, name: 'Consulting day', quantity: 3, unitPrice: 999.99, discountPercent: 0, taxPercent: 10 },
        { productId: draft.lines[1]!.productId, name: 'Travel', quantity: 1, unitPrice: 80.05, discountPercent: 0, taxPercent: 21 },
      ],
    });
    // The server's totals are the ones shown.
    const stored = await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`);
    expect(stored.totals).toEqual(quoteTotals(stored.lines, 5, 'EUR'));
    expect(stored.totals.total).toBe(322_699);
  });

  it('adds and removes lines, takes a typed tax rate, and says what a field needs before saving', async () => {
    await newQuote({ lines: [] });
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    expect(await screen.findByText('No lines yet. Add what you are offering.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Add line' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add line' }));
    const line = screen.getByRole('group', { name: 'Line 1' });
    expect((within(line).getByLabelText('Tax') as HTMLSelectElement).value).toBe('21');
    fireEvent.change(within(line).getByLabelText('Tax'), { target: { value: 'other' } });
    fireEvent.change(within(line).getByLabelText('Tax %'), { target: { value: '4' } });
    fireEvent.change(within(line).getByLabelText('Product or service', { exact: false }), { target: { value: 'Books' } });
    fireEvent.change(within(line).getByLabelText('Quantity', { exact: false }), { target: { value: '0' } });
    fireEvent.change(within(line).getByLabelText('Unit price (EUR)', { exact: false }), { target: { value: '12.345' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'Line 2' })).getByRole('button', { name: 'Remove line 2' }));
    expect(screen.queryByRole('group', { name: 'Line 2' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(line).findByText('Type a quantity above 0, such as 2 or 1.5.')).toBeTruthy();
    expect(within(line).getByText('EUR prices have at most 2 decimals.')).toBeTruthy();
    expect(screen.getByText('Some fields need a change first: they are marked.')).toBeTruthy();
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);
    fireEvent.change(within(line).getByLabelText('Quantity', { exact: false }), { target: { value: '2' } });
    fireEvent.change(within(line).getByLabelText('Unit price (EUR)', { exact: false }), { target: { value: '12.35' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(plain(screen.getByLabelText('Totals').textContent)).toContain(plain(`Tax 4% on ${euros(24.7)}${euros(0.99)}Total${euros(25.69)}`));
  });

  it('shows the pane’s conflict handling when someone saved the quote first, and applies the rep’s change again', async () => {
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    fireEvent.change(await screen.findByLabelText('Notes for the customer'), { target: { value: 'Delivery in two weeks.' } });
    // A colleague's change lands first.
    await asUser(REP, 'PATCH', `/api/quotes/${draft.id}`, { paymentTerms: '60 days net' }, { 'if-match': `"${draft.version}"` });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const apply = await screen.findByRole('button', { name: 'Apply mine again' });
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByText(/Ana Souza changed Payment terms/)).toBeTruthy();
    fireEvent.click(apply);
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`)).toMatchObject({ notes: 'Delivery in two weeks.', paymentTerms: '60 days net' });
  });

  it('sends a draft after the rep confirms, then shows its link with Copy, read-only, with New version', async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send to customer' }));
    expect(screen.getByText('Send Q-1? Once sent it no longer changes, and you get the link to give the customer.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sent. Give the customer this link: they read the quote there, download it as a PDF and accept it.')).toBeTruthy();
    const stored = await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`);
    const link = `${server.url}/api/public/quotes/${stored.publicKey}`;
    expect((screen.getByLabelText('Link for the customer') as HTMLInputElement).value).toBe(link);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(link);
    // Sent: nothing to change; a new version instead.
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByLabelText('Quantity', { exact: false })).toBeNull();
    expect(screen.getByText('Sent to the customer, so it no longer changes. Make a new version to change it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New version' }));
    expect(await screen.findByRole('heading', { name: 'Q-1 v2' })).toBeTruthy();
    expect(screen.getByText(/^New version drafted from Q-1\./)).toBeTruthy();
  });

  it('says every refusal in the rep’s language, with what to do', async () => {
    await newQuote({ lines: [] });
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />, 'es-ES');
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Borrador/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Enviar al cliente' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(await screen.findByText('Este presupuesto no tiene líneas. Añade lo que ofreces y luego envíalo.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Añadir línea' }));
    fireEvent.change(screen.getByLabelText('Cantidad', { exact: false }), { target: { value: '1,5' } });
    fireEvent.change(screen.getByLabelText('Precio unitario (EUR)', { exact: false }), { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByText('Indica lo que ofreces.')).toBeTruthy();
    expect(screen.getByText('Escribe un precio de 0 o más, como 1200,50.')).toBeTruthy();
  });

  it('addresses a draft to another of the deal’s contacts and describes a line, saved with the rest and shown once sent', async () => {
    // The deal's second contact: the quote starts addressed to its first.
    const marta = await create<{ id: string }>('/api/contacts', { firstName: 'Marta', lastName: 'Ruiz', emails: [`marta@lodz-${tenants}.example`], companyId: deal.companyId });
    deal = await asUser<Deal>(REP, 'PATCH', `/api/deals/${deal.id}`, { contactIds: [...deal.contactIds, marta.id] }, { 'if-match': `"${deal.version}"` });
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    const addressed = (await screen.findByLabelText('Addressed to')) as HTMLSelectElement;
    await within(addressed).findByRole('option', { name: 'Marta Ruiz' });
    expect(within(addressed).getAllByRole('option').map((option) => option.textContent)).toEqual(['No contact', 'Lucía Gómez', 'Marta Ruiz']);
    expect(addressed.value).toBe(draft.contactId);
    fireEvent.change(addressed, { target: { value: marta.id } });

    // A line's description is folded away until the rep adds one.
    const first = within(screen.getByRole('list', { name: 'Lines' })).getByRole('group', { name: 'Line 1' });
    expect(within(first).queryByRole('textbox', { name: /^Description/ })).toBeNull();
    fireEvent.click(within(first).getByRole('button', { name: 'Add description to line 1' }));
    const description = within(first).getByRole('textbox', { name: /^Description/ });
    await waitFor(() => expect(document.activeElement).toBe(description));
    fireEvent.change(description, { target: { value: '  Named seats, billed yearly.\nSupport included.  ' } });
    expect(within(screen.getByRole('group', { name: 'Line 2' })).getByRole('button', { name: 'Add description to line 2' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();

    const save = sent.find((request) => request.method === 'PATCH');
    expect(save?.body).toEqual({ contactId: marta.id, lines: [{ ...draft.lines[0], description: 'Named seats, billed yearly.\nSupport included.' }, draft.lines[1]] });
    const stored = await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`);
    expect(stored).toMatchObject({ contactId: marta.id, lines: [{ description: 'Named seats, billed yearly.\nSupport included.' }, { name: 'Onboarding' }] });
    expect(stored.lines[1]).not.toHaveProperty('description');

    // Sent (from elsewhere; opened again, it is read again), the quote names whom it is addressed to and shows the
    // description under its line.
    await send(draft.id);
    fireEvent.click(screen.getByRole('button', { name: 'All quotes' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · / }));
    expect(await screen.findByText('Sent to the customer, so it no longer changes. Make a new version to change it.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Marta Ruiz' })).toBeTruthy();
    expect(screen.getByText('Addressed to')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Lines' })).getByText(/^Named seats, billed yearly\.\s+Support included\.$/)).toBeTruthy();
  });

  it('deletes a draft after the rep confirms: it leaves the deal’s quotes, and Undo brings it back', async () => {
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    fireEvent.change(await screen.findByLabelText('Notes for the customer'), { target: { value: 'Not needed after all.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete draft' }));
    const question = screen.getByRole('group', { name: 'Delete draft' });
    expect(question.textContent).toBe('Delete the draft Q-1? It was never sent, so the customer has not seen it. Undo brings it back. Your changes not saved yet go with it.Yes, deleteCancel');
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Delete draft' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete draft' }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Delete draft' })).getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('Draft Q-1 deleted.')).toBeTruthy();
    const remove = sent.find((request) => request.method === 'DELETE');
    expect(remove?.path).toBe(`/api/quotes/${draft.id}`);
    expect(remove?.headers['if-match']).toBe(`"${draft.version}"`);
    expect(screen.queryByRole('button', { name: /^Q-1/ })).toBeNull();
    expect(await screen.findByText(/^No quotes yet\./)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New quote' })));
    expect((await asUser<{ items: Quote[] }>(REP, 'GET', `/api/quotes?dealId=${deal.id}`)).items).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Draft Q-1 is back.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: /^Q-1 · Draft/ })).toBeTruthy();
  });

  it('says who changed a draft first when the rep deletes it, and deletes it once they reloaded', async () => {
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Draft/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete draft' }));
    // A colleague's change lands first.
    await asUser(REP, 'PATCH', `/api/quotes/${draft.id}`, { paymentTerms: '60 days net' }, { 'if-match': `"${draft.version}"` });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText(/Ana Souza changed Payment terms/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Apply mine again' })).toBeNull();
    expect(await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`)).toMatchObject({ status: 'draft' });
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect((screen.getByLabelText('Payment terms') as HTMLTextAreaElement).value).toBe('60 days net'));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('Draft Q-1 deleted.')).toBeTruthy();
    expect(sent.filter((request) => request.method === 'DELETE').map((request) => request.headers['if-match'])).toEqual([`"${draft.version}"`, `"${draft.version + 1}"`]);
  });

  it('deletes nothing once the draft was sent from elsewhere: after Reload it shows as sent, with no delete (in Portuguese)', async () => {
    const draft = await newQuote();
    render(<QuotesSection dealId={deal.id} dealName={deal.name} />, 'pt-BR');
    fireEvent.click(await screen.findByRole('button', { name: /^Q-1 · Rascunho/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Excluir rascunho' }));
    expect(screen.getByText(/^Excluir o rascunho Q-1\? Ele nunca foi enviado/)).toBeTruthy();
    await send(draft.id);
    fireEvent.click(screen.getByRole('button', { name: 'Sim, excluir' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Recarregar' }));
    expect(await screen.findByText('Enviado ao cliente, então não muda mais. Crie uma nova versão para alterá-lo.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Excluir rascunho' })).toBeNull();
    expect(await asUser<Quote>(REP, 'GET', `/api/quotes/${draft.id}`)).toMatchObject({ status: 'sent' });
  });

  it('inserts a quote of the recipients’ deals in the customer’s language, sending a draft first once the rep says so', async () => {
    await newQuote();
    const inserted: { html: string; text: string }[] = [];
    const attachments: DraftAttachments = { supported: () => true, attach: jest.fn(async () => 'attachment-1') };
    const done = jest.fn();
    render(<InsertQuote deals={[{ id: deal.id, name: deal.name }]} insert={async (content) => void inserted.push(content)} attachments={attachments} onDone={done} />);
    const choices = await screen.findByRole('radiogroup', { name: 'Quote to insert' });
    expect(within(choices).getByRole('radio', { name: new RegExp(`Q-1 · Draft · ${euros(2783).replace('$', '\\$')}`) })).toBeTruthy();
    expect(screen.getByText('Written in Spanish, the customer’s language.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Attach the PDF' }));
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    expect(screen.getByText('Q-1 is a draft: inserting it sends it to the customer, and it no longer changes. Send and insert it?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send and insert' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Quote inserted in your message.', 'success'));
    const stored = (await asUser<{ items: Quote[] }>(REP, 'GET', `/api/quotes?dealId=${deal.id}`)).items[0]!;
    expect(stored.status).toBe('sent');
    const link = `${server.url}/api/public/quotes/${stored.publicKey}`;
    const day = new Intl.DateTimeFormat('es-ES', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${stored.validUntil}T00:00:00Z`));
    expect(inserted).toEqual([
      {
        text: `Le enviamos nuestro presupuesto Q-1 para Seats for Łódź. Puede consultarlo, descargarlo en PDF y aceptarlo en línea: ${link}. Es válido hasta el ${day}.`,
        html: `<p>Le enviamos nuestro presupuesto Q-1 para Seats for Łódź. Puede consultarlo, descargarlo en PDF y aceptarlo en línea: <a href="${link}">${link}</a>. Es válido hasta el ${day}.</p>`,
      },
    ]);
    expect(attachments.attach).not.toHaveBeenCalled();
  });

  it('attaches the PDF after the link, and says so when Outlook refused it, the link staying in', async () => {
    await send((await newQuote()).id);
    const attach = jest.fn(async () => 'attachment-1');
    const done = jest.fn();
    const insert = jest.fn(async () => undefined);
    const { unmount } = render(<InsertQuote deals={[{ id: deal.id, name: deal.name }]} insert={insert} attachments={{ supported: () => true, attach }} onDone={done} />);
    expect(((await screen.findByRole('checkbox', { name: 'Attach the PDF' })) as HTMLInputElement).checked).toBe(true);
    // A sent quote is inserted at once, its PDF read through the API and attached after it.
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith('Quote inserted in your message, its PDF attached.', 'success'));
    expect(insert).toHaveBeenCalledTimes(1);
    expect(attach).toHaveBeenCalledWith({ name: 'Q-1.pdf', base64: PDF.toString('base64') });
    expect(sent.filter((request) => request.path.endsWith('/pdf')).map((request) => request.headers.authorization)).toEqual([expect.stringMatching(/^Bearer /)]);
    unmount();

    const refused = jest.fn(async (): Promise<string> => {
      throw new Error('The attachment is too large');
    });
    const told = jest.fn();
    render(<InsertQuote deals={[{ id: deal.id, name: deal.name }]} insert={insert} attachments={{ supported: () => true, attach: refused }} onDone={told} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(told).toHaveBeenCalled());
    expect(insert).toHaveBeenCalledTimes(2);
    expect(told).toHaveBeenCalledWith('The link is in your message, but the PDF could not be attached. Download it from the quote and attach it yourself.', 'warning');
  });

  it('says where Outlook cannot attach files, and offers nothing when no recipient has an open deal', async () => {
    const attachments: DraftAttachments = { supported: () => false, attach: jest.fn() };
    await newQuote();
    const { unmount } = render(<InsertQuote deals={[{ id: deal.id, name: deal.name }]} insert={jest.fn()} attachments={attachments} onDone={jest.fn()} />);
    const box = (await screen.findByRole('checkbox', { name: 'Attach the PDF' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
    expect(screen.getByText('This Outlook can’t attach files from the pane: download the PDF from the quote and attach it yourself.')).toBeTruthy();
    unmount();
    render(<InsertQuote deals={[]} insert={jest.fn()} attachments={attachments} onDone={jest.fn()} />, 'it-IT');
    expect(screen.getByText('Nessun destinatario ha una trattativa aperta, e i preventivi si creano da una trattativa. Apri la trattativa per crearne uno.')).toBeTruthy();
  });
});

describe('the message Insert quote writes', () => {
  const quote = { number: 3, revision: 1, validUntil: '2026-12-16' };
  const link = 'https://rapport.example/api/public/quotes/abc';

  it.each([
    ['en', 'Here is our quote Q-3 for Seats for Łódź. You can read it, download it as a PDF and accept it online: https://rapport.example/api/public/quotes/abc. It is valid until 16 December 2026.'],
    ['es', 'Le enviamos nuestro presupuesto Q-3 para Seats for Łódź. Puede consultarlo, descargarlo en PDF y aceptarlo en línea: https://rapport.example/api/public/quotes/abc. Es válido hasta el 16 de diciembre de 2026.'],
    ['pt', 'Segue o nosso orçamento Q-3 para Seats for Łódź. Você pode consultá-lo, baixá-lo em PDF e aceitá-lo on-line: https://rapport.example/api/public/quotes/abc. Ele é válido até 16 de dezembro de 2026.'],
    ['it', 'Le inviamo il nostro preventivo Q-3 per Seats for Łódź. Può consultarlo, scaricarlo in PDF e accettarlo online: https://rapport.example/api/public/quotes/abc. È valido fino al 16 dicembre 2026.'],
  ] as const)('is written in the quote’s language (%s), whatever the pane’s', (language, text) => {
    expect(quoteEmail({ ...quote, language }, 'Seats for Łódź', link).text).toBe(text);
  });

  it('escapes the deal’s name in HTML and links to the page itself, with nothing else to load', () => {
    const { html } = quoteEmail({ ...quote, language: 'en' }, 'Seats <b>&</b> "desks"', link);
    expect(html).toContain('Seats &lt;b&gt;&amp;&lt;/b&gt; &quot;desks&quot;');
    expect(html).toContain(`<a href="${link}">${link}</a>`);
    expect(html).not.toMatch(/<img|<script|style=/i);
  });
});

describe('a draft’s changes as the editor sends them', () => {
  const quote = {
    lines: [{ productId: 'seat', name: 'Seat licence', quantity: 2, unitPrice: 1000, discountPercent: 10, taxPercent: 21 }],
    discountPercent: 0,
    validUntil: '2026-12-16',
    language: 'es',
    currency: 'EUR',
    paymentTerms: '30 days net',
  } as unknown as Quote;

  it('sends only what the rep changed, a cleared text as null', () => {
    const draft = { ...draftOf(quote, 'es-ES'), discountPercent: '2,5', paymentTerms: '' };
    expect(changesOf(quote, draft, readDraft(draft, 'es-ES').lines, 'es-ES')).toEqual({ discountPercent: 2.5, paymentTerms: null });
  });

  it('sends the contact chosen, null when the rep chose none, and nothing when it is the one saved', () => {
    const addressed = { ...quote, contactId: 'lucia' } as Quote;
    const draft = draftOf(addressed, 'en-US');
    expect(draft.contactId).toBe('lucia');
    expect(changesOf(addressed, draft, readDraft(draft, 'en-US').lines, 'en-US')).toEqual({});
    expect(changesOf(addressed, { ...draft, contactId: 'marta' }, readDraft(draft, 'en-US').lines, 'en-US')).toEqual({ contactId: 'marta' });
    expect(changesOf(addressed, { ...draft, contactId: '' }, readDraft(draft, 'en-US').lines, 'en-US')).toEqual({ contactId: null });
    expect(draftOf(quote, 'en-US').contactId).toBe('');
  });

  it('sends a line’s description trimmed, and a blank one as none', () => {
    const draft = draftOf(quote, 'en-US');
    const described = { ...draft, lines: [{ ...draft.lines[0]!, description: '  Named seats.\nBilled yearly.\n' }] };
    expect(changesOf(quote, described, readDraft(described, 'en-US').lines, 'en-US')).toEqual({ lines: [{ ...quote.lines[0], description: 'Named seats.\nBilled yearly.' }] });
    const blank = { ...draft, lines: [{ ...draft.lines[0]!, description: ' \n ' }] };
    expect(readDraft(blank, 'en-US').lines[0]).not.toHaveProperty('description');
    expect(changesOf(quote, blank, readDraft(blank, 'en-US').lines, 'en-US')).toEqual({});
  });

  it('keeps a saved description as it is, and sends the lines without it when the rep cleared it', () => {
    const saved = { ...quote, lines: [{ ...quote.lines[0], description: 'Named seats.' }] } as Quote;
    const draft = draftOf(saved, 'en-US');
    expect(draft.lines[0]?.description).toBe('Named seats.');
    expect(changesOf(saved, draft, readDraft(draft, 'en-US').lines, 'en-US')).toEqual({});
    const cleared = { ...draft, lines: [{ ...draft.lines[0]!, description: '' }] };
    expect(changesOf(saved, cleared, readDraft(cleared, 'en-US').lines, 'en-US')).toEqual({ lines: quote.lines });
  });

  it('says a description longer than a quote keeps needs a change', () => {
    const draft = draftOf(quote, 'en-US');
    const long = { ...draft, lines: [{ ...draft.lines[0]!, description: 'x'.repeat(QUOTE_LINE_DESCRIPTION_MAX + 1) }] };
    expect(readDraft(long, 'en-US').problems).toEqual({ 'lines.0.description': 'description' });
    const fits = { ...draft, lines: [{ ...draft.lines[0]!, description: ` ${'x'.repeat(QUOTE_LINE_DESCRIPTION_MAX)} ` }] };
    expect(readDraft(fits, 'en-US').problems).toEqual({});
  });

  it('sends the lines with a new currency: their prices, as typed, are in it', () => {
    const draft = { ...draftOf(quote, 'en-US'), currency: 'USD' };
    expect(changesOf(quote, draft, readDraft(draft, 'en-US').lines, 'en-US')).toEqual({ currency: 'USD', lines: quote.lines });
  });
});
