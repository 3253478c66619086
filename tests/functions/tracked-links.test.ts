import { randomBytes } from 'node:crypto';
import { formKeyOf, type ReportCell } from '@rapport/shared';
import { create, createTestApp, TENANT_A, TENANT_B, testStores, type CallOptions, type TestApp } from './test-app';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ALL_MONTHS = { from: '2000-01', to: '2099-12' };

// Tracked links: made by campaign managers, opened by anyone at /r/{code}, counted as clicks in the campaign's funnel.
describe.each(testStores)('tracked links on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let admin: string;
  let rep: string;
  let campaign: { id: string; name: string };

  beforeEach(async () => {
    clock = new Date('2026-11-16T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    rep = await t.token(TENANT_A, 'rita-rep', ['rep']);
    campaign = await create(t, 'campaign', { name: 'Spring Sale 2027', channel: 'email' }, admin);
  });
  afterEach(async () => t.close());

  const makeLink = (body: object, token = admin) => t.call('create-link', { token, body: { campaignId: campaign.id, label: 'Newsletter, header', destination: 'https://shop.example/spring', ...body } });
  const newLink = async (body: object = {}) => {
    const made = await makeLink(body);
    expect(made.status).toBe(201);
    return made.body as { id: string; code: string; version: number; channel: string; affiliate?: string; utm: Record<string, string> };
  };
  const open = (code: string, options: CallOptions & { visitor?: string; agent?: string | null } = {}) => {
    const { visitor = '198.51.100.7', agent = BROWSER, headers, ...rest } = options;
    return t.call('follow-tracked-link', {
      token: null,
      params: { code },
      ...rest,
      headers: { 'x-forwarded-for': visitor, ...(agent === null ? {} : { 'user-agent': agent }), ...headers },
    });
  };
  const clickCells = async (tenantId = TENANT_A) => (await t.app.store.reportCells(tenantId, 'campaign', ALL_MONTHS)).filter((cell) => cell.measures.clicks);
  const clicksOf = async (linkId: string) => (await clickCells()).filter((cell) => cell.dims.link === linkId).reduce((sum, cell) => sum + (cell.measures.clicks ?? 0), 0);

  describe('made by campaign managers', () => {
    it('lets admins and campaign managers make links, lets everyone read them, and tells a rep whom to ask', async () => {
      const refused = await makeLink({}, rep);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('CAMPAIGN.MANAGER_REQUIRED');
      const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === 'rita-rep');
      await t.call('update-member', { token: admin, params: { id: 'rita-rep' }, body: { capabilities: ['campaignManager'] }, headers: { 'if-match': `"${member.version}"` } });
      const made = await makeLink({ label: 'Made by Rita' }, rep);
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ label: 'Made by Rita', ownerId: 'rita-rep', revoked: false });
      const colleague = await t.token(TENANT_A, 'rui-rep', ['rep']);
      expect((await t.call('list-links', { token: colleague })).body.items.map((link: { label: string }) => link.label)).toEqual(['Made by Rita']);
      expect((await t.call('update-link', { token: colleague, params: { id: made.body.id }, body: { revoked: true }, headers: { 'if-match': '"1"' } })).status).toBe(403);
    });

    it("gives a link a public code of 128 random bits that is never its id, the campaign's channel, and UTM parameters naming the campaign", async () => {
      const link = await newLink();
      expect(link.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(link.code).not.toContain(link.id);
      expect(link).toMatchObject({ channel: 'email', utm: { source: 'email', medium: 'email', campaign: 'spring-sale-2027', content: 'newsletter-header' } });
      expect((await newLink({ channel: 'ad', label: 'Search ad' })).utm).toEqual({ source: 'ad', medium: 'cpc', campaign: 'spring-sale-2027', content: 'search-ad' });
      // A code is kept as given: a client cannot choose one.
      expect((await makeLink({ code: 'Qk7f2aXb9sLm3nPq8rTv1w' })).status).toBe(400);
    });

    it('asks an affiliate link for its site, and names the site as its UTM source', async () => {
      const missing = await makeLink({ channel: 'affiliate' });
      expect(missing.status).toBe(400);
      expect(missing.body.error).toMatchObject({ code: 'LINK.AFFILIATE_REQUIRED', details: { fields: [{ path: 'affiliate' }] } });
      const affiliate = await newLink({ channel: 'affiliate', affiliate: 'Deals Hub' });
      expect(affiliate).toMatchObject({ channel: 'affiliate', affiliate: 'Deals Hub', utm: { source: 'deals-hub', medium: 'affiliate' } });
      // Only an affiliate link names a site.
      expect((await newLink({ channel: 'social', affiliate: 'Deals Hub' })).affiliate).toBeUndefined();
    });

    it('refuses a destination that is not an http or https address, carries a user name or password, or is too long', async () => {
      for (const destination of ['javascript:alert(1)', 'ftp://shop.example', '//evil.example', 'https://admin:secret@shop.example', `https://shop.example/${'a'.repeat(2_000)}`, 'https://shop.example\\@evil.example']) {
        const refused = await makeLink({ destination });
        expect({ destination: destination.slice(0, 40), status: refused.status, field: refused.body.error.details.fields[0].path }).toEqual({ destination: destination.slice(0, 40), status: 400, field: 'destination' });
      }
      expect((await makeLink({ campaignId: 'no-such-campaign' })).status).toBe(422);
    });

    it("keeps a link's campaign, channel and site as made, and changes its label, destination and revocation", async () => {
      const link = await newLink();
      const other = await create(t, 'campaign', { name: 'Autumn' }, admin);
      for (const body of [{ campaignId: other.id }, { channel: 'ad' }, { affiliate: 'Elsewhere' }]) {
        expect((await t.call('update-link', { token: admin, params: { id: link.id }, body, headers: { 'if-match': '"1"' } })).status).toBe(400);
      }
      const changed = await t.call('update-link', { token: admin, params: { id: link.id }, body: { label: 'Newsletter, footer', destination: 'https://shop.example/autumn' }, headers: { 'if-match': '"1"' } });
      expect(changed.body).toMatchObject({ label: 'Newsletter, footer', destination: 'https://shop.example/autumn', code: link.code, utm: { campaign: 'spring-sale-2027', content: 'newsletter-footer' } });
      // The campaign renamed: the link's UTM keeps the name analytics already knows it by.
      const current = (await t.call('get-campaign', { token: admin, params: { id: campaign.id } })).body;
      await t.call('update-campaign', { token: admin, params: { id: campaign.id }, body: { name: 'Spring 2027' }, headers: { 'if-match': `"${current.version}"` } });
      const relabelled = await t.call('update-link', { token: admin, params: { id: link.id }, body: { label: 'Footer' }, headers: { 'if-match': '"2"' } });
      expect(relabelled.body.utm).toEqual({ source: 'email', medium: 'email', campaign: 'spring-sale-2027', content: 'footer' });
    });

    it("lists a campaign's links by its id", async () => {
      const mine = await newLink({ label: 'Mine' });
      const other = await create(t, 'campaign', { name: 'Autumn' }, admin);
      await newLink({ campaignId: other.id, label: 'Autumn banner' });
      const listed = await t.call('list-links', { token: rep, query: { campaignId: campaign.id } });
      expect(listed.body.items.map((link: { id: string }) => link.id)).toEqual([mine.id]);
    });
  });

  describe('opened at /r/{code}', () => {
    it("redirects to the destination with its UTM parameters and its code, uncached and without a referrer, and counts one click", async () => {
      const link = await newLink({ destination: 'https://shop.example/spring?ref=mail#form' });
      const response = await open(link.code);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(
        `https://shop.example/spring?ref=mail&utm_source=email&utm_medium=email&utm_campaign=spring-sale-2027&utm_content=newsletter-header&rp_code=${link.code}#form`,
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-robots-tag')).toContain('noindex');
      expect(response.body).toBeUndefined();
      const cells = await clickCells();
      expect(cells).toEqual([
        { family: 'campaign', month: '2026-11', current: false, dims: { campaign: campaign.id, link: link.id, channel: 'email', affiliate: '', currency: '' }, measures: { clicks: 1 } },
      ] satisfies ReportCell[]);
    });

    it("counts no HEAD request, prefetch, preview, bot, scanner or script, nor an open without a user agent, and still redirects them", async () => {
      const link = await newLink();
      const visits: (CallOptions & { visitor?: string; agent?: string | null })[] = [
        { method: 'HEAD' },
        { headers: { purpose: 'prefetch' } },
        { headers: { 'sec-purpose': 'prefetch;prerender' } },
        { headers: { 'x-purpose': 'preview' } },
        { agent: null },
        { agent: '  ' },
        ...[
          'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
          'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
          'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
          'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
          'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b',
          'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)',
          'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
          'WhatsApp/2.23.20.0',
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
          'curl/8.4.0',
          'python-requests/2.31.0',
        ].map((agent) => ({ agent })),
      ];
      for (const [index, visit] of visits.entries()) {
        const response = await open(link.code, { ...visit, visitor: `203.0.113.${index + 1}` });
        expect({ index, status: response.status, location: response.headers.get('location')?.startsWith('https://shop.example/spring?') }).toEqual({ index, status: 302, location: true });
      }
      expect(await clicksOf(link.id)).toBe(0);
      // A person's click, on the phone and in the browser: counted.
      await open(link.code, { agent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });
      await open(link.code, { visitor: '203.0.113.200' });
      expect(await clicksOf(link.id)).toBe(2);
    });

    it('counts the same visitor once within a minute and again after it, and each other visitor, browser or link apart', async () => {
      const link = await newLink();
      const second = await newLink({ label: 'Second' });
      for (let i = 0; i < 3; i++) expect((await open(link.code)).status).toBe(302);
      expect(await clicksOf(link.id)).toBe(1);
      await open(link.code, { visitor: '198.51.100.8' });
      await open(link.code, { agent: `${BROWSER} Edg/131.0.0.0` });
      await open(second.code);
      expect([await clicksOf(link.id), await clicksOf(second.id)]).toEqual([3, 1]);
      clock = new Date(clock.getTime() + 61_000);
      await open(link.code);
      expect(await clicksOf(link.id)).toBe(4);
    });

    it('opens nothing for an unknown code (404), a revoked link (410) or a deleted one (404), as a page in the visitor\'s language, and counts nothing', async () => {
      const link = await newLink();
      const unknown = await open(randomBytes(16).toString('base64url'), { headers: { accept: 'text/html', 'accept-language': 'es-ES,es;q=0.9' } });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('location')).toBeNull();
      expect(unknown.text).toContain('Este enlace no abre nada');
      expect(unknown.headers.get('content-security-policy')).toContain("default-src 'none'");
      // The link's id, or its tenant and id, open nothing.
      for (const code of [link.id, `${TENANT_A}.${link.id}`, link.code.slice(0, 21), `${link.code}x`]) {
        expect((await open(code, { headers: { accept: 'application/json' } })).body.error.code).toBe('PUBLIC_LINK.NOT_FOUND');
      }
      await t.call('update-link', { token: admin, params: { id: link.id }, body: { revoked: true }, headers: { 'if-match': '"1"' } });
      const revoked = await open(link.code, { headers: { accept: 'text/html' } });
      expect([revoked.status, revoked.headers.get('location'), revoked.text?.includes('This link has expired')]).toEqual([410, null, true]);
      // Active again: the same code opens again.
      await t.call('update-link', { token: admin, params: { id: link.id }, body: { revoked: false }, headers: { 'if-match': '"2"' } });
      expect((await open(link.code, { visitor: '198.51.100.9' })).status).toBe(302);
      expect((await t.call('delete-link', { token: admin, params: { id: link.id }, headers: { 'if-match': '"3"' } })).status).toBe(204);
      expect((await open(link.code, { visitor: '198.51.100.10', headers: { accept: 'application/json' } })).status).toBe(404);
      expect(await clicksOf(link.id)).toBe(1);
    });

    it("cannot be made to redirect anywhere but the link's destination", async () => {
      const link = await newLink({ destination: 'https://shop.example/spring' });
      const expected = `https://shop.example/spring?utm_source=email&utm_medium=email&utm_campaign=spring-sale-2027&utm_content=newsletter-header&rp_code=${link.code}`;
      const tries: CallOptions[] = [
        { query: { to: 'https://evil.example' } },
        { query: { url: '//evil.example', redirect: 'https://evil.example', next: '/\\evil.example', destination: 'https://evil.example' } },
        { query: { utm_source: 'evil', rp_code: 'Qk7f2aXb9sLm3nPq8rTv1w' } },
        { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', referer: 'https://evil.example/' } },
      ];
      for (const [index, attempt] of tries.entries()) {
        const response = await open(link.code, { ...attempt, visitor: `192.0.2.${index + 1}` });
        expect({ index, location: response.headers.get('location') }).toEqual({ index, location: expected });
      }
      // A code bent into another address, encoded or not, or carrying a header, names no link.
      for (const code of [`${link.code}/../../evil.example`, `${link.code}%0d%0aLocation:%20https://evil.example`, `${link.code}\r\nLocation: https://evil.example`, '//evil.example', 'https:%2F%2Fevil.example', '%2F%2Fevil.example']) {
        const response = await open(code, { headers: { accept: 'application/json' } });
        expect({ code, status: response.status, location: response.headers.get('location') }).toEqual({ code, status: 404, location: null });
      }
    });

    it("passes on an ad network's click id the visit carried, well-formed ones only, and nothing else of the address", async () => {
      const link = await newLink({ channel: 'ad', destination: 'https://shop.example/spring' });
      const response = await open(link.code, { query: { gclid: 'Cj0KCQiA-abc_123', fbclid: '<script>', next: 'https://evil.example' } });
      const location = new URL(response.headers.get('location')!);
      expect(location.origin + location.pathname).toBe('https://shop.example/spring');
      expect(location.searchParams.get('gclid')).toBe('Cj0KCQiA-abc_123');
      expect([location.searchParams.has('fbclid'), location.searchParams.has('next')]).toEqual([false, false]);
    });

    it("counts every click exactly, however many visitors open a link at once", async () => {
      const link = await newLink();
      const responses = await Promise.all(Array.from({ length: 24 }, (_, index) => open(link.code, { visitor: `10.0.${Math.floor(index / 10)}.${index}` })));
      expect(responses.map((response) => response.status)).toEqual(Array(24).fill(302));
      expect(await clicksOf(link.id)).toBe(24);
      expect(await clickCells(TENANT_B)).toEqual([]);
    });

    it("counts a click in the month it was made, beside the leads and deals of the same link", async () => {
      const link = await newLink({ channel: 'affiliate', affiliate: 'Deals Hub' });
      await open(link.code);
      clock = new Date('2026-12-02T08:00:00Z');
      await open(link.code);
      const cells = await clickCells();
      expect(cells.map((cell) => [cell.month, cell.dims.affiliate, cell.measures.clicks]).sort()).toEqual([
        ['2026-11', 'Deals Hub', 1],
        ['2026-12', 'Deals Hub', 1],
      ]);
    });
  });

  describe('and the web form the visit sends', () => {
    let formKey: string;
    beforeEach(async () => {
      formKey = formKeyOf(await create(t, 'form', { name: 'Contact us' }, admin));
    });
    const submit = (body: object, key = formKey) => t.call('submit-web-form', { token: null, params: { formKey: key }, body });
    const leadOf = async (email: string) => (await t.call('list-leads', { token: admin, query: { limit: '100' } })).body.items.find((lead: { email: string }) => lead.email === email);

    it('gives the lead the link it came by as its first touch, and its campaign, set by the server', async () => {
      const link = await newLink({ channel: 'affiliate', affiliate: 'Deals Hub' });
      const landing = new URL((await open(link.code)).headers.get('location')!);
      const code = landing.searchParams.get('rp_code')!;
      clock = new Date('2026-11-16T10:05:00Z');
      expect((await submit({ lastName: 'Lind', email: 'rosa@lind.example', rp_code: code })).status).toBe(202);
      const lead = await leadOf('rosa@lind.example');
      expect(lead).toMatchObject({ campaignId: campaign.id, campaign: 'Spring Sale 2027', firstTouch: { campaignId: campaign.id, linkId: link.id, channel: 'affiliate', affiliate: 'Deals Hub', at: '2026-11-16T10:05:00.000Z' } });
      // The lead counts in the link's funnel cell, beside its click.
      const cell = (await t.app.store.reportCells(TENANT_A, 'campaign', ALL_MONTHS)).find((candidate) => candidate.dims.link === link.id);
      expect(cell?.measures).toEqual({ clicks: 1, leads: 1 });
      // A request can set no first touch of its own.
      expect((await t.call('create-lead', { token: rep, body: { lastName: 'Hand', firstTouch: lead.firstTouch } })).status).toBe(400);
    });

    it("ignores a code of another tenant's link, a deleted link's, or anything else, and still takes the visitor's form", async () => {
      const adminB = await t.token(TENANT_B, 'admin-b', ['admin']);
      const campaignB = await create(t, 'campaign', { name: 'B campaign' }, adminB);
      const linkB = (await t.call('create-link', { token: adminB, body: { campaignId: campaignB.id, label: 'B', destination: 'https://b.example' } })).body;
      const deleted = await newLink({ label: 'Gone' });
      await t.call('delete-link', { token: admin, params: { id: deleted.id }, headers: { 'if-match': '"1"' } });
      const codes = [linkB.code, deleted.code, randomBytes(16).toString('base64url'), 'not a code', '', 'x'.repeat(200)];
      for (const [index, code] of codes.entries()) {
        const response = await submit({ lastName: 'Visitor', email: `visitor-${index}@example.com`, rp_code: code });
        expect({ index, status: response.status, body: response.body }).toEqual({ index, status: 202, body: { status: 'received' } });
        const lead = await leadOf(`visitor-${index}@example.com`);
        expect({ index, firstTouch: lead.firstTouch, campaignId: lead.campaignId }).toEqual({ index, firstTouch: undefined, campaignId: undefined });
      }
      // A browser's form post carries it the same way.
      const link = await newLink();
      const post = await t.call('submit-web-form', { token: null, params: { formKey }, body: `lastName=Sa&email=ana%40sa.example&rp_code=${link.code}&website=`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(post.status).toBe(200);
      expect((await leadOf('ana@sa.example')).firstTouch).toMatchObject({ linkId: link.id, channel: 'email' });
    });

    it("keeps a known person's first touch as it was: their visit is a note", async () => {
      const link = await newLink();
      await submit({ lastName: 'Lind', email: 'rosa@lind.example' });
      await submit({ lastName: 'Lind', email: 'rosa@lind.example', rp_code: link.code, message: 'Again' });
      const lead = await leadOf('rosa@lind.example');
      expect(lead.firstTouch).toBeUndefined();
    });

    it("carries the first touch to the deal the lead converts into, under the same link", async () => {
      const link = await newLink({ channel: 'social' });
      await submit({ lastName: 'Lind', email: 'rosa@lind.example', company: 'Lind AB', rp_code: link.code });
      const lead = await leadOf('rosa@lind.example');
      const converted = await t.call('convert-lead', { token: admin, params: { id: lead.id }, body: { deal: { name: 'Lind AB seats', stage: 'qualification', amount: 1200 } }, headers: { 'if-match': `"${lead.version}"` } });
      expect(converted.status).toBe(200);
      expect(converted.body.deal).toMatchObject({ campaignId: campaign.id, firstTouch: { linkId: link.id, channel: 'social' } });
      const cell = (await t.app.store.reportCells(TENANT_A, 'campaign', ALL_MONTHS)).find((candidate) => candidate.dims.link === link.id && candidate.measures.leads);
      expect(cell?.measures).toEqual({ leads: 1, converted: 1, deals: 1 });
    });
  });
});

describe('tracked links under their rate limits', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  const setUp = async (env: Record<string, string>) => {
    t = await createTestApp({ env });
    const admin = await t.token(TENANT_A, 'the-admin', ['admin']);
    const campaign = await create(t, 'campaign', { name: 'Limits' }, admin);
    return (await create(t, 'link', { campaignId: campaign.id, label: 'Limited', destination: 'https://shop.example' }, admin)) as unknown as { code: string };
  };
  const open = (code: string, visitor: string) => t.call('follow-tracked-link', { token: null, params: { code }, headers: { 'x-forwarded-for': visitor, 'user-agent': BROWSER, accept: 'text/html' } });

  it('answers a burst from one visitor with 429 and Retry-After, whatever codes it tries', async () => {
    const link = await setUp({ TRACKED_LINK_LIMIT_PER_MINUTE: '3' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await open(i === 0 ? link.code : randomBytes(16).toString('base64url'), '203.0.113.9')).status);
    const limited = await open(link.code, '203.0.113.9');
    expect([...statuses, limited.status]).toEqual([302, 404, 404, 429]);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.text).toContain('Too many requests');
    expect((await open(link.code, '203.0.113.10')).status).toBe(302);
  });

  it('answers a burst on one link from many visitors with 429', async () => {
    const link = await setUp({ TRACKED_LINK_TOTAL_LIMIT_PER_MINUTE: '4' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await open(link.code, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([302, 302, 302, 302, 429, 429]);
  });
});
