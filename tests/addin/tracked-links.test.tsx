/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Campaign, Link } from '@rapport/shared';
import { ComposeTools } from '../../addin/src/components/compose/ComposeTools';
import { CampaignLinks } from '../../addin/src/components/links/CampaignLinks';
import { RecordFacts } from '../../addin/src/components/record-view/RecordFacts';
import { InsertLink } from '../../addin/src/components/links/InsertLink';
import { LazyCampaignLinks } from '../../addin/src/components/links/LazyCampaignLinks';
import { linkForMessage } from '../../addin/src/components/links/link-for-message';
import type { ComposeContent } from '../../addin/src/office/compose-item';
import { OfficeCallError } from '../../addin/src/office/office-async';
import type { MailItem } from '../../addin/src/office/mail-item';
// Parts the views load when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/links/InsertLink';
import { startInProcessApi, type InProcessApi } from './in-process-api';
import { fail, fakeApi, membersOf, renderInPane } from './pane-harness';

// Campaigns' tracked links in the pane, over the real API and store (the standalone host on a random port): a campaign
// manager makes a campaign's links, copies their addresses and revokes them; a rep reads them; and Insert link puts
// one into a message being written, as a link with its label to its /r/ address.

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 30_000 });

const ADMIN = 'sam-admin';
const MARKETER = 'mia-marketer';
const REP = 'avery-rep';
const names: Record<string, string> = { [ADMIN]: 'Sam Ortiz', [MARKETER]: 'Mia Lund', [REP]: 'Avery Quinn' };

describe("campaigns' tracked links in the pane, over the API", () => {
  let api: InProcessApi;
  let tenants = 0;
  let tenant: string;
  let keys = 0;
  const { call, render } = membersOf(() => api, { tenant: () => tenant, names });
  const asAdmin = <T,>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    call<T>(ADMIN, 'admin', method, route, body, { ...(method === 'POST' ? { 'idempotency-key': `${tenant}-${++keys}` } : {}), ...headers });
  const newCampaign = (fields: object = {}) => asAdmin<Campaign>('POST', '/api/campaigns', { name: 'Spring Sale', channel: 'email', ...fields });
  const newLink = (campaignId: string, fields: object = {}) => asAdmin<Link>('POST', '/api/links', { campaignId, label: 'Newsletter header', destination: 'https://shop.example/spring', ...fields });

  beforeAll(async () => {
    api = await startInProcessApi('tracked-links-pane');
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    tenant = `tenant-links-${++tenants}`;
    for (const [userId, role] of [[ADMIN, 'admin'], [MARKETER, 'rep'], [REP, 'rep']] as const) await call(userId, role, 'GET', '/api/me');
    const members = await asAdmin<{ items: { id: string; version: number }[] }>('GET', '/api/members?limit=100');
    const mia = members.items.find((member) => member.id === MARKETER)!;
    await asAdmin('PATCH', `/api/members/${MARKETER}`, { capabilities: ['campaignManager'] }, { 'if-match': `"${mia.version}"` });
  });

  describe("a campaign's links", () => {
    it('lets a campaign manager make an affiliate link, shows where it is placed and goes, and gives its /r/ address to copy', async () => {
      const campaign = await newCampaign();
      render(<CampaignLinks campaignId={campaign.id} canEdit />, { userId: MARKETER, role: 'rep' });
      await screen.findByText(/No tracked links yet\. Make one for each place the campaign appears/);
      fireEvent.click(screen.getByRole('button', { name: 'New tracked link' }));
      const form = screen.getByRole('form', { name: 'New tracked link' });
      const make = within(form).getByRole('button', { name: 'Make the link' }) as HTMLButtonElement;
      fireEvent.change(within(form).getByRole('textbox', { name: /^Label/ }), { target: { value: 'Deals Hub banner' } });
      fireEvent.change(within(form).getByRole('textbox', { name: /^Destination/ }), { target: { value: 'https://shop.example/spring?ref=hub' } });
      expect(within(form).queryByRole('textbox', { name: /Affiliate site’s name/ })).toBeNull();
      fireEvent.change(within(form).getByRole('combobox', { name: 'Placed in' }), { target: { value: 'affiliate' } });
      // An affiliate link names its site before it can be made.
      expect(make.disabled).toBe(true);
      fireEvent.change(within(form).getByRole('textbox', { name: /Affiliate site’s name/ }), { target: { value: 'Deals Hub' } });
      fireEvent.click(make);

      const list = await screen.findByRole('list', { name: 'Tracked links' });
      const [row] = within(list).getAllByRole('listitem');
      expect(within(row!).getByText('Deals Hub banner')).toBeTruthy();
      expect(within(row!).getByText('Active')).toBeTruthy();
      expect(within(row!).getByText('Placed in: Affiliate site (Deals Hub)')).toBeTruthy();
      expect(within(row!).getByText('Goes to shop.example')).toBeTruthy();
      const [stored] = (await asAdmin<{ items: Link[] }>('GET', `/api/links?campaignId=${campaign.id}`)).items;
      expect(stored).toMatchObject({ label: 'Deals Hub banner', channel: 'affiliate', affiliate: 'Deals Hub', ownerId: MARKETER });
      const address = within(row!).getByRole('textbox', { name: 'Link of “Deals Hub banner”' }) as HTMLInputElement;
      expect(address.value).toBe(`${api.server.url}/r/${stored!.code}`);
      expect(within(row!).getByRole('button', { name: 'Copy link' })).toBeTruthy();
      // The address opens the destination, with the campaign's UTM parameters and the link's code.
      const opened = await fetch(address.value, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 Chrome/131.0' } });
      expect([opened.status, await opened.text()]).toEqual([302, '']);
      expect(opened.headers.get('location')).toBe(`https://shop.example/spring?ref=hub&utm_source=deals-hub&utm_medium=affiliate&utm_campaign=spring-sale&utm_content=deals-hub-banner&rp_code=${stored!.code}`);
    });

    it('revokes a link, says it opens nothing now, and makes it active again', async () => {
      const campaign = await newCampaign();
      await newLink(campaign.id);
      render(<CampaignLinks campaignId={campaign.id} canEdit />, { userId: MARKETER, role: 'rep' });
      fireEvent.click(await screen.findByRole('button', { name: 'Revoke “Newsletter header”' }));
      await screen.findByText('Revoked');
      expect(screen.getByText(/Opens nothing now/)).toBeTruthy();
      expect(screen.queryByRole('textbox', { name: 'Link of “Newsletter header”' })).toBeNull();
      expect((await asAdmin<{ items: Link[] }>('GET', `/api/links?campaignId=${campaign.id}`)).items[0]).toMatchObject({ revoked: true, version: 2 });
      fireEvent.click(screen.getByRole('button', { name: 'Make “Newsletter header” active again' }));
      await screen.findByText('Active');
      expect(screen.getByRole('textbox', { name: 'Link of “Newsletter header”' })).toBeTruthy();
    });

    it("asks for the affiliate site up front when the link takes an affiliate campaign's channel, and says why an address is refused", async () => {
      const campaign = await newCampaign({ name: 'Partners', channel: 'affiliate' });
      render(<CampaignLinks campaignId={campaign.id} campaignChannel="affiliate" canEdit />, { userId: MARKETER, role: 'rep' });
      fireEvent.click(await screen.findByRole('button', { name: 'New tracked link' }));
      const form = screen.getByRole('form', { name: 'New tracked link' });
      fireEvent.change(within(form).getByRole('textbox', { name: /^Label/ }), { target: { value: 'Partner banner' } });
      fireEvent.change(within(form).getByRole('textbox', { name: /^Destination/ }), { target: { value: 'shop.example/spring' } });
      // The campaign's channel is the link's: its site is asked for before anything is sent, and the link waits for it.
      const site = within(form).getByRole('textbox', { name: /Affiliate site’s name/ });
      expect((within(form).getByRole('button', { name: 'Make the link' }) as HTMLButtonElement).disabled).toBe(true);
      fireEvent.change(site, { target: { value: 'Partner One' } });
      // An address without its scheme goes to the API (not the browser's own bubble), which refuses it: the form says
      // what an address must be (the API's own tests refuse one with a password or rp_code in it the same way).
      fireEvent.click(within(form).getByRole('button', { name: 'Make the link' }));
      expect(await within(form).findByText('Enter a web address that starts with https:// or http://, without a user name, password or rp_code in it.')).toBeTruthy();
      fireEvent.change(within(form).getByRole('textbox', { name: /^Destination/ }), { target: { value: 'https://shop.example/' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Make the link' }));
      await screen.findByText('Placed in: Affiliate site (Partner One)');
    });

    it("asks for the affiliate site at its field when the API says the campaign's channel needs one", async () => {
      const campaign = await newCampaign({ name: 'Partners', channel: 'affiliate' });
      render(<CampaignLinks campaignId={campaign.id} canEdit />, { userId: MARKETER, role: 'rep' });
      fireEvent.click(await screen.findByRole('button', { name: 'New tracked link' }));
      const form = screen.getByRole('form', { name: 'New tracked link' });
      fireEvent.change(within(form).getByRole('textbox', { name: /^Label/ }), { target: { value: 'Partner banner' } });
      fireEvent.change(within(form).getByRole('textbox', { name: /^Destination/ }), { target: { value: 'https://shop.example/' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Make the link' }));
      const site = await within(form).findByRole('textbox', { name: /Affiliate site’s name/ });
      expect(await within(form).findByText('An affiliate link names its affiliate site: type the site’s name, so the funnel shows what each site brings.')).toBeTruthy();
      fireEvent.change(site, { target: { value: 'Partner One' } });
      fireEvent.click(within(form).getByRole('button', { name: 'Make the link' }));
      await screen.findByText('Placed in: Affiliate site (Partner One)');
    });

    it('shows a rep the links to copy, with nothing to make or revoke; and a campaign without links says so', async () => {
      const campaign = await newCampaign();
      await newLink(campaign.id);
      const empty = await newCampaign({ name: 'Quiet' });
      const view = render(<CampaignLinks campaignId={campaign.id} canEdit={false} />, { userId: REP, role: 'rep' });
      await screen.findByRole('textbox', { name: 'Link of “Newsletter header”' });
      expect(screen.queryByRole('button', { name: 'New tracked link' })).toBeNull();
      expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
      view.unmount();
      render(<LazyCampaignLinks campaignId={empty.id} canEdit={false} />, { userId: REP, role: 'rep' });
      await screen.findByText('This campaign has no tracked links yet.');
    });

    it('speaks Spanish', async () => {
      const campaign = await newCampaign();
      await newLink(campaign.id, { channel: 'social' });
      render(<CampaignLinks campaignId={campaign.id} canEdit />, { userId: MARKETER, role: 'rep' }, 'es-ES');
      await screen.findByText('Colocado en: Redes sociales');
      expect(screen.getByText('Activo')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Revocar «Newsletter header»' })).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Nuevo enlace de seguimiento' })).toBeTruthy();
    });
  });

  describe('Insert link', () => {
    const item: MailItem = { mode: 'message-compose', key: 'draft-1', subject: 'Our spring offer', participants: [], internetMessageId: null, eventId: null, start: null, end: null, sentAt: null };

    it("offers the tenant's active links, found by label, campaign or site, and puts the chosen one at the cursor as a link with its label", async () => {
      const spring = await newCampaign();
      const autumn = await newCampaign({ name: 'Autumn Fair', channel: 'event' });
      await newLink(spring.id);
      const banner = await newLink(spring.id, { label: 'Deals Hub banner', channel: 'affiliate', affiliate: 'Deals Hub' });
      const fair = await newLink(autumn.id, { label: 'Fair invitation' });
      const revoked = await newLink(autumn.id, { label: 'Old flyer' });
      await asAdmin('PATCH', `/api/links/${revoked.id}`, { revoked: true }, { 'if-match': '"1"' });
      const inserted: ComposeContent[] = [];
      const done = jest.fn();
      render(<InsertLink insert={async (content) => void inserted.push(content)} onDone={done} />, { userId: REP, role: 'rep' });
      const links = await screen.findByRole('radiogroup', { name: 'Tracked links' });
      expect(within(links).getAllByRole('radio').map((radio) => radio.closest('.fui-Radio')?.textContent)).toEqual([
        'Fair invitationAutumn Fair · Event',
        'Deals Hub bannerSpring Sale · Deals Hub',
        'Newsletter headerSpring Sale · E-mail',
      ]);
      // Found by what the rep types: a campaign's name, an affiliate site, with or without accents and case.
      fireEvent.change(screen.getByRole('searchbox', { name: /Find a link/ }), { target: { value: 'deals hub' } });
      await waitFor(() => expect(within(links).getAllByRole('radio')).toHaveLength(1));
      fireEvent.change(screen.getByRole('searchbox', { name: /Find a link/ }), { target: { value: 'flyer' } });
      await screen.findByText('No active link matches “flyer”.');
      fireEvent.change(screen.getByRole('searchbox', { name: /Find a link/ }), { target: { value: '' } });
      fireEvent.change(screen.getByRole('combobox', { name: 'Campaign' }), { target: { value: autumn.id } });
      const narrowed = await screen.findByRole('radiogroup', { name: 'Tracked links' });
      expect(within(narrowed).getAllByRole('radio')).toHaveLength(1);
      expect((within(narrowed).getByRole('radio', { name: /Fair invitation/ }) as HTMLInputElement).checked).toBe(true);
      fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
      await waitFor(() => expect(done).toHaveBeenCalledWith('The link is in your message: its clicks count for the campaign.'));
      expect(inserted).toEqual([linkForMessage('Fair invitation', `${api.server.url}/r/${fair.code}`)]);
      expect(inserted[0]).toEqual({ html: `<a href="${api.server.url}/r/${fair.code}">Fair invitation</a>`, text: `Fair invitation (${api.server.url}/r/${fair.code})` });
      expect(banner.code).not.toBe(fair.code);
    });

    it('says when there is no active link yet, and who makes them', async () => {
      render(<InsertLink insert={jest.fn()} onDone={jest.fn()} />, { userId: REP, role: 'rep' });
      await screen.findByText('No active tracked links yet. A campaign manager makes them on a campaign.');
      expect(screen.queryByRole('button', { name: 'Insert' })).toBeNull();
    });

    it('opens from the compose tools, and gives the focus back to its button once the link is in', async () => {
      const campaign = await newCampaign();
      const link = await newLink(campaign.id);
      const inserted: ComposeContent[] = [];
      render(
        <ComposeTools item={item} results={[]} selected={undefined} owners={{}} loadCalendar={jest.fn()} insert={async (content) => (inserted.push(content), { subjectSet: false })} />,
        { userId: REP, role: 'rep' },
      );
      const button = screen.getByRole('button', { name: 'Insert link' });
      fireEvent.click(button);
      expect(button.getAttribute('aria-expanded')).toBe('true');
      await screen.findByRole('heading', { name: 'Insert a tracked link' });
      fireEvent.click(await screen.findByRole('button', { name: 'Insert' }));
      await screen.findByText('The link is in your message: its clicks count for the campaign.');
      expect(inserted).toEqual([linkForMessage('Newsletter header', `${api.server.url}/r/${link.code}`)]);
      expect(screen.queryByRole('heading', { name: 'Insert a tracked link' })).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Insert link' })));
    });
  });
});

describe('tracked links when the API fails', () => {
  it('shows a failed read of the links with Retry, and the links once it answers', async () => {
    let failing = true;
    const link = { id: 'l1', tenantId: 't', campaignId: 'c1', label: 'Header', destination: 'https://shop.example/', channel: 'email', revoked: false, code: 'Qk7f2aXb9sLm3nPq8rTv1w', utm: { source: 'email', medium: 'email', campaign: 'spring' }, version: 1 };
    const { api } = fakeApi({ 'GET /api/links': () => (failing ? fail(503, 'SERVICE.UNAVAILABLE') : { items: [link], nextCursor: null }) });
    renderInPane(<CampaignLinks campaignId="c1" canEdit={false} />, { api });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    failing = false;
    fireEvent.click(retry);
    expect(((await screen.findByRole('textbox', { name: 'Link of “Header”' })) as HTMLInputElement).value).toBe(`${window.location.origin}/r/Qk7f2aXb9sLm3nPq8rTv1w`);
  });

  it('tells the rep when Outlook would not take the link, and inserts it on Retry', async () => {
    const link = { id: 'l1', tenantId: 't', campaignId: 'c1', label: 'Header', destination: 'https://shop.example/', channel: 'email', revoked: false, code: 'Qk7f2aXb9sLm3nPq8rTv1w', utm: { source: 'email', medium: 'email', campaign: 'spring' }, version: 1 };
    const { api } = fakeApi({ 'GET /api/links': () => ({ items: [link], nextCursor: null }), 'GET /api/campaigns': () => ({ items: [{ id: 'c1', name: 'Spring' }], nextCursor: null }) });
    const insert = jest.fn().mockRejectedValueOnce(new OfficeCallError('The item is read-only', 9041)).mockResolvedValueOnce(undefined);
    const done = jest.fn();
    renderInPane(<InsertLink insert={insert} onDone={done} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Insert' }));
    await screen.findByText('Outlook could not do this just now. Try again; if it keeps happening, close and reopen Outlook.');
    expect(done).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(insert).toHaveBeenCalledTimes(2);
  });
});

describe('the first touch under a record’s name', () => {
  const touch = { campaignId: 'c-partner', linkId: 'l-banner', channel: 'affiliate' as const, affiliate: 'Deals Hub', at: '2026-11-12T10:00:00Z' };
  const stamp = { tenantId: 't1', createdAt: '2026-11-12T10:00:00Z', createdBy: 'u1', updatedAt: '2026-11-12T10:00:00Z', updatedBy: 'u1', ownerId: 'u1', version: 1 };

  it.each([
    ['en-US', 'First touch: Affiliate site (Deals Hub) · Nov 12, 2026'],
    ['es-ES', 'Primer contacto: Sitio afiliado (Deals Hub) · 12 nov 2026'],
  ])('in %s: says the link a lead came by, where it was placed and when', async (language, said) => {
    const { api } = fakeApi({});
    const lead = { ...stamp, id: 'lead-1', lastName: 'Holm', source: 'web-form', status: 'new', firstTouch: touch };
    renderInPane(<RecordFacts kind="lead" record={lead} />, { api, language });
    expect(await screen.findByText(said)).toBeTruthy();
  });

  it("says it on a deal made of such a lead too, and a link's own channel when it names no site", async () => {
    const { api } = fakeApi({ 'GET /api/pipeline': () => ({ stages: [{ id: 'proposal', name: 'Proposal', probability: 50, status: 'open' }] }) });
    const deal = { ...stamp, id: 'deal-1', name: 'Seats', stage: 'proposal', status: 'open', probability: 50, currency: 'EUR', contactIds: [], lineItems: [], firstTouch: { ...touch, channel: 'email' as const, affiliate: undefined } };
    renderInPane(<RecordFacts kind="deal" record={deal} />, { api });
    expect(await screen.findByText('First touch: E-mail · Nov 12, 2026')).toBeTruthy();
  });
});
