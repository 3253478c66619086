/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Company, Deal, Me, Product, Tip } from '@rapport/shared';
import type { Role } from '@rapport/shared/members/roles';
import { DealTips } from '../../addin/src/components/tips/DealTips';
import { TipText } from '../../addin/src/components/tips/TipText';
import { TipsBoard } from '../../addin/src/dashboard/TipsBoard';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { fail, fakeApi, membersOf, renderInPane } from './pane-harness';

// The tips board in the pane and on the dashboard, over the real API and store (the standalone host on a random port):
// the top tips for the deal a rep has open, posting one from it, upvotes, and the board where authors change their tips
// and managers pin and remove them.

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

const ADMIN = 'sam-admin';
const MANAGER = 'morgan-manager';
const REP = 'avery-rep';
const COLLEAGUE = 'rui-rep';
const names: Record<string, string> = { [ADMIN]: 'Sam Ortiz', [MANAGER]: 'Morgan Blake', [REP]: 'Avery Quinn', [COLLEAGUE]: 'Rui Costa' };
const roles: Record<string, Role> = { [ADMIN]: 'admin', [MANAGER]: 'manager', [REP]: 'rep', [COLLEAGUE]: 'rep' };

/** The list items' names (a tip's first words), in the order shown. */
const shown = (list: HTMLElement) => within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'));

describe('the tips board in the pane and on the dashboard, over the API', () => {
  let api: InProcessApi;
  let tenants = 0;
  let tenant: string;
  const { call, render } = membersOf(() => api, { tenant: () => tenant, names });
  let keys = 0;
  const as = <T,>(userId: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    call<T>(userId, roles[userId]!, method, route, body, method === 'POST' && !route.includes('/upvote') && !route.includes('/pin') ? { 'idempotency-key': `${tenant}-${++keys}`, ...headers } : headers);
  const post = (userId: string, body: object) => as<Tip>(userId, 'POST', '/api/tips', body);

  /** Contoso (retail), buying seats at the proposal stage from the rep. */
  let seats: Product;
  let training: Product;
  let deal: Deal;

  beforeAll(async () => {
    api = await startInProcessApi('tips');
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-tips-${++tenants}`;
    for (const userId of [ADMIN, MANAGER, REP, COLLEAGUE]) await as(userId, 'GET', '/api/me');
    seats = await as<Product>(ADMIN, 'POST', '/api/products', { name: 'Sales seat', unitPrice: 30, currency: 'EUR' });
    training = await as<Product>(ADMIN, 'POST', '/api/products', { name: 'Training day', unitPrice: 900, currency: 'EUR' });
    const company = await as<Company>(REP, 'POST', '/api/companies', { name: 'Contoso', industry: 'Retail' });
    deal = await as<Deal>(REP, 'POST', '/api/deals', { name: 'Seats for Contoso', stage: 'proposal', currency: 'EUR', companyId: company.id, lineItems: [{ productId: seats.id, quantity: 10 }] });
  });

  it("shows the team's top tips for the deal: pinned first, then those for its stage, products or industry, each saying why, with its links", async () => {
    const general = await post(COLLEAGUE, { text: 'Name the next step in every e-mail.' });
    await post(COLLEAGUE, { text: 'At proposal, send the case study first: https://example.com/case-study.', stages: ['proposal'] });
    await post(COLLEAGUE, { text: 'Seats sell by the team, not by the head.', productIds: [seats.id] });
    await post(COLLEAGUE, { text: 'Negotiation: ask what the delay costs them.', stages: ['negotiation'] });
    await post(COLLEAGUE, { text: 'Book the training before go-live.', productIds: [training.id] });
    await as(MANAGER, 'POST', `/api/tips/${general.id}/pin`, { pinned: true });

    render(<DealTips deal={deal} />, { userId: REP, role: 'rep' });
    const list = await screen.findByRole('list', { name: 'Tips for Seats for Contoso' });
    expect(shown(list)).toEqual(['Name the next step in every e-mail.', 'Seats sell by the team, not by the head.', 'At proposal, send the case study first: https://example.com…']);
    const pinned = within(list).getByRole('listitem', { name: 'Name the next step in every e-mail.' });
    expect(within(pinned).getByText('Pinned')).toBeTruthy();
    expect(within(pinned).getByText('for every deal')).toBeTruthy();
    expect(await within(pinned).findByText(/^Rui Costa · /)).toBeTruthy();
    expect(within(list).getByRole('listitem', { name: 'Seats sell by the team, not by the head.' }).textContent).toContain('for these products');
    const study = within(list).getByRole('listitem', { name: /^At proposal/ });
    expect(within(study).getByText('for this stage')).toBeTruthy();
    // The address is a link (the sentence's full stop is not part of it), the rest plain text.
    const link = within(study).getByRole('link', { name: 'https://example.com/case-study' });
    expect(link.getAttribute('href')).toBe('https://example.com/case-study');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it("counts the rep's upvote once, shows it pressed, and takes it back", async () => {
    const tip = await post(COLLEAGUE, { text: 'Quote in their currency.', stages: ['proposal'] });
    await as(MANAGER, 'POST', `/api/tips/${tip.id}/upvote`, { up: true });
    render(<DealTips deal={deal} />, { userId: REP, role: 'rep' });
    const item = await screen.findByRole('listitem', { name: 'Quote in their currency.' });
    const vote = within(item).getByRole('button', { name: 'Helpful (1)' });
    expect(vote.getAttribute('aria-pressed')).toBe('false');
    // Once the pane knows who the rep is (their upvote is theirs).
    await waitFor(() => expect((vote as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(vote);
    const pressed = await within(item).findByRole('button', { name: 'Helpful (2)' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    expect((await as<Tip>(REP, 'GET', `/api/tips/${tip.id}`)).upvotedBy.sort()).toEqual([MANAGER, REP].sort());
    await waitFor(() => expect((within(item).getByRole('button', { name: 'Helpful (2)' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(item).getByRole('button', { name: 'Helpful (2)' }));
    expect((await within(item).findByRole('button', { name: 'Helpful (1)' })).getAttribute('aria-pressed')).toBe('false');
    expect((await as<Tip>(REP, 'GET', `/api/tips/${tip.id}`)).upvotedBy).toEqual([MANAGER]);
  });

  it("says so when no tip is for the deal yet, and posts one tagged with the deal's stage, products and industry as ticked", async () => {
    await post(COLLEAGUE, { text: 'Negotiation only.', stages: ['negotiation'] });
    render(<DealTips deal={deal} />, { userId: REP, role: 'rep' });
    expect(await screen.findByText('No tips for this stage, these products or this industry yet. What worked for you here? Share it with the team.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Post a tip' }));
    const form = screen.getByRole('form', { name: 'New tip' });
    // What the deal is, ticked: its stage, its product, its customer's industry.
    const stage = (await within(form).findByRole('checkbox', { name: 'In the stage Proposal' })) as HTMLInputElement;
    const product = (await within(form).findByRole('checkbox', { name: 'With Sales seat' })) as HTMLInputElement;
    const industry = (await within(form).findByRole('checkbox', { name: 'In the industry Retail' })) as HTMLInputElement;
    expect([stage.checked, product.checked, industry.checked]).toEqual([true, true, true]);
    fireEvent.click(industry);
    fireEvent.change(within(form).getByRole('textbox', { name: /^Tip/ }), { target: { value: 'Show the seat plan <b>before</b> the price.' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Objection it answers/ }), { target: { value: 'Too expensive' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Post' }));

    expect(await screen.findByText('Tip posted: your team sees it on deals it is tagged for.')).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Tips for Seats for Contoso' });
    const item = await within(list).findByRole('listitem', { name: 'Show the seat plan <b>before</b> the price.' });
    // Markup is text.
    expect(within(item).getByText('Show the seat plan <b>before</b> the price.')).toBeTruthy();
    expect(within(item).getByText(/^You · /)).toBeTruthy();
    const stored = (await as<{ items: Tip[] }>(REP, 'GET', '/api/tips')).items.find((tip) => tip.text.startsWith('Show the seat plan'));
    expect(stored).toMatchObject({ stages: ['proposal'], productIds: [seats.id], industries: [], objections: ['Too expensive'], ownerId: REP });
  });

  it('shows why the tips could not be read, and reads them again on Try again', async () => {
    let calls = 0;
    const { api: client } = fakeApi({
      'GET /api/deals/{id}/tips': () => (++calls === 1 ? fail(503, 'SERVICE.UNAVAILABLE') : { items: [], context: { stage: 'proposal', productIds: [] }, capped: false }),
      'GET /api/me': () => fail(503, 'SERVICE.UNAVAILABLE'),
      'GET /api/members': () => ({ items: [], nextCursor: null }),
    });
    renderInPane(<DealTips deal={deal} />, { api: client });
    expect(await screen.findByText('Tips could not be loaded.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^No tips for this stage/)).toBeTruthy();
    expect(calls).toBe(2);
  });

  it('lets the author change their tip on the board, and no one else', async () => {
    await post(REP, { text: 'Call before ten.', stages: ['proposal'] });
    await post(COLLEAGUE, { text: 'Rui’s own words.' });
    const me = await as<Me>(REP, 'GET', '/api/me');
    render(<TipsBoard me={me} />, { userId: REP, role: 'rep' });
    const list = await screen.findByRole('list', { name: 'Tips' });
    expect(within(within(list).getByRole('listitem', { name: 'Rui’s own words.' })).queryByRole('button', { name: /^Change/ })).toBeNull();
    expect(within(within(list).getByRole('listitem', { name: 'Rui’s own words.' })).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(within(within(list).getByRole('listitem', { name: 'Rui’s own words.' })).queryByRole('button', { name: /^Pin/ })).toBeNull();
    const mine = within(list).getByRole('listitem', { name: 'Call before ten.' });
    expect(await within(mine).findByText('Stages: Proposal')).toBeTruthy();
    fireEvent.click(within(mine).getByRole('button', { name: 'Change the tip “Call before ten.”' }));
    const form = await screen.findByRole('form', { name: 'Change tip' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Tip/ }), { target: { value: 'Call before ten, never on Mondays.' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Negotiation' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /^Objections it answers/ }), { target: { value: 'No time, Too busy' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Tip saved.')).toBeTruthy();
    const changed = await within(list).findByRole('listitem', { name: 'Call before ten, never on Mondays.' });
    expect(within(changed).getByText('Stages: Proposal, Negotiation')).toBeTruthy();
    expect(within(changed).getByText('Objections: No time, Too busy')).toBeTruthy();
  });

  it('lets a manager pin and, after a confirmation, remove any tip, but not change its words; and filters the board', async () => {
    await post(REP, { text: 'Older, upvoted.', objections: ['Too expensive'], industries: ['Retail'] });
    const newer = await post(COLLEAGUE, { text: 'Newer, no votes.', objections: ['We already have a supplier'] });
    const older = (await as<{ items: Tip[] }>(REP, 'GET', '/api/tips')).items.find((tip) => tip.text === 'Older, upvoted.')!;
    await as(COLLEAGUE, 'POST', `/api/tips/${older.id}/upvote`, { up: true });
    const me = await as<Me>(MANAGER, 'GET', '/api/me');
    render(<TipsBoard me={me} />, { userId: MANAGER, role: 'manager' });
    const list = await screen.findByRole('list', { name: 'Tips' });
    expect(shown(list)).toEqual(['Newer, no votes.', 'Older, upvoted.']);
    expect(within(within(list).getByRole('listitem', { name: 'Newer, no votes.' })).queryByRole('button', { name: /^Change/ })).toBeNull();

    // Most helpful first, then by an objection (the board's own tags are the choices).
    const filters = screen.getByRole('group', { name: 'Filter the tips' });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Order' }), { target: { value: 'upvotes' } });
    await waitFor(() => expect(shown(list)).toEqual(['Older, upvoted.', 'Newer, no votes.']));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Objection' }), { target: { value: 'We already have a supplier' } });
    await waitFor(() => expect(shown(list)).toEqual(['Newer, no votes.']));
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Objection' }), { target: { value: '' } });
    await waitFor(() => expect(shown(list)).toEqual(['Older, upvoted.', 'Newer, no votes.']));

    // Pinned: first, whatever the order.
    fireEvent.click(within(list).getByRole('button', { name: 'Pin the tip “Newer, no votes.”' }));
    await waitFor(() => expect(shown(list)).toEqual(['Newer, no votes.', 'Older, upvoted.']));
    expect(within(within(list).getByRole('listitem', { name: 'Newer, no votes.' })).getByText('Pinned')).toBeTruthy();
    expect((await as<Tip>(REP, 'GET', `/api/tips/${newer.id}`)).pinnedBy).toBe(MANAGER);

    // Removed after a confirmation; Cancel first keeps it.
    const removeOlder = () => within(list).getByRole('button', { name: 'Remove the tip “Older, upvoted.”' });
    fireEvent.click(removeOlder());
    const confirm = screen.getByRole('group', { name: 'Remove the tip “Older, upvoted.”' });
    expect(within(confirm).getByText('Remove this tip? The team no longer sees it; it stays in the recycle bin for 30 days.')).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(removeOlder());
    fireEvent.click(within(screen.getByRole('group', { name: 'Remove the tip “Older, upvoted.”' })).getByRole('button', { name: 'Remove it' }));
    expect(await screen.findByText('Tip removed.')).toBeTruthy();
    await waitFor(() => expect(shown(list)).toEqual(['Newer, no votes.']));
    expect((await as<{ items: Tip[] }>(REP, 'GET', '/api/tips')).items.map((tip) => tip.text)).toEqual(['Newer, no votes.']);
  });

  it('posts a tip from the board, tagged by any stage, product, industry and objection', async () => {
    const me = await as<Me>(COLLEAGUE, 'GET', '/api/me');
    render(<TipsBoard me={me} />, { userId: COLLEAGUE, role: 'rep' });
    expect(await screen.findByText('No tips yet. Post the first: what made a deal move for you?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Post a tip' }));
    const form = screen.getByRole('form', { name: 'New tip' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Tip/ }), { target: { value: 'Bring the trainer to the kick-off.' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Qualification' }));
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Training day' }));
    fireEvent.change(within(form).getByRole('textbox', { name: /^Industries/ }), { target: { value: 'Retail, Manufacturing' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Post' }));
    const item = await screen.findByRole('listitem', { name: 'Bring the trainer to the kick-off.' });
    expect(within(item).getByText('Stages: Qualification')).toBeTruthy();
    expect(within(item).getByText('Products: Training day')).toBeTruthy();
    expect(within(item).getByText('Industries: Retail, Manufacturing')).toBeTruthy();
    // Their own: they change it and remove it; they do not pin it.
    expect(within(item).getByRole('button', { name: 'Change the tip “Bring the trainer to the kick-off.”' })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Remove the tip “Bring the trainer to the kick-off.”' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: /^Pin/ })).toBeNull();
  });
});

describe("a tip's words", () => {
  const { api: client } = fakeApi({});
  it('are text: markup stays text, web addresses become links, and nothing else does', () => {
    renderInPane(<TipText text={'See www.example.com/a?b=1, (https://docs.example.org/x) and <script>alert(1)</script> javascript:alert(1) http://localhost/x.'} />, { api: client });
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['www.example.com/a?b=1', 'https://www.example.com/a?b=1'],
      ['https://docs.example.org/x', 'https://docs.example.org/x'],
    ]);
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(/<script>alert\(1\)<\/script> javascript:alert\(1\) http:\/\/localhost\/x\./)).toBeTruthy();
  });
});
