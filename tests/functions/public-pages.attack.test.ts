import { randomBytes } from 'node:crypto';
import { apiContract, formKeyOf, type ApiRoute } from '@rapport/shared';
import { withoutKeys } from '../../functions/src/server';
import { RouteRequests } from './route-requests';
import { TENANT_A, TENANT_B, create, createTestApp, testStores, type CallOptions, type TestApp } from './test-app';

// Every public page (web forms, a quote's page, its PDF and answers, a survey's page, answer and opt-out, a public
// knowledge article's page, a campaign's tracked link) is attacked here as the architecture's rules for
// public pages ask: guessed keys, another tenant's key, expired, replayed, oversized and hostile input, bursts, and
// whether a page shows anything beyond its own item. A new public route fails the first test until it is in `targets`.

const VICTIM = 'VICTIM-DEAL-SECRET';
// Routes without a token that are not pages of an item: the API's health and its description, and the quote page's script.
const NOT_ITEM_PAGES = ['health', 'openapi', 'quote-page-script'];

type Target = { key: string; quoteId?: string; surveyId?: string; articleId?: string; linkId?: string };
type Attack = (target: Target) => CallOptions;

// A valid request per public route for an item's key: what its legitimate visitor sends.
const requests: Record<string, Attack> = {
  'submit-web-form': ({ key }) => ({ params: { formKey: key }, body: { lastName: 'Visitor', email: `visitor-${randomBytes(3).toString('hex')}@example.com` } }),
  'public-quote-page': ({ key }) => ({ params: { key }, headers: { accept: 'text/html' } }),
  'public-quote-pdf': ({ key }) => ({ params: { key }, headers: { accept: 'application/pdf' } }),
  'quote-opened': ({ key }) => ({ params: { key }, headers: { 'user-agent': 'Mozilla/5.0 Chrome/130.0' } }),
  'accept-quote': ({ key }) => ({ params: { key }, body: { name: 'Lucía Gómez', acceptTerms: true } }),
  'decline-quote': ({ key }) => ({ params: { key }, body: { reason: 'Not now' } }),
  'public-survey-page': ({ key }) => ({ params: { key }, headers: { accept: 'text/html' } }),
  'answer-survey': ({ key }) => ({ params: { key }, body: { score: 4, comment: 'Fine' } }),
  'survey-opt-out': ({ key }) => ({ params: { key }, body: {} }),
  'public-article-page': ({ key }) => ({ params: { key }, headers: { accept: 'text/html' } }),
  'follow-tracked-link': ({ key }) => ({ params: { code: key }, headers: { 'user-agent': 'Mozilla/5.0 Chrome/131.0' } }),
};
const publicRoutes = apiContract.filter((route) => route.auth === 'none' && !NOT_ITEM_PAGES.includes(route.name));
const quoteRoutes = publicRoutes.filter((route) => route.path.startsWith('/api/public/quotes/'));
const surveyRoutes = publicRoutes.filter((route) => route.path.startsWith('/api/public/surveys/'));
const articleRoutes = publicRoutes.filter((route) => route.path.startsWith('/api/public/articles/'));
const linkRoutes = publicRoutes.filter((route) => route.path.startsWith('/r/'));
// The pages of one record (a quote, a survey, an article, a tracked link), opened by its key.
const itemRoutes = [...quoteRoutes, ...surveyRoutes, ...articleRoutes, ...linkRoutes];
const withBody = publicRoutes.filter((route) => route.method === 'POST' && route.name !== 'quote-opened');

describe('the public pages', () => {
  it('are each attacked here', () => {
    expect(publicRoutes.map((route) => route.name).sort()).toEqual(Object.keys(requests).sort());
  });
});

describe.each(testStores)('public pages on %s', (store) => {
  let t: TestApp;
  let clock: Date;
  let rep: string;
  let repB: string;
  let admin: string;

  beforeEach(async () => {
    clock = new Date('2026-11-16T10:00:00Z');
    t = await createTestApp({ store, now: () => clock });
    rep = await t.token(TENANT_A, 'rep-a', ['rep'], 'Rita Rep', 'rita@seller-a.example');
    repB = await t.token(TENANT_B, 'rep-b', ['rep'], 'Bruno Rep', 'bruno@seller-b.example');
    admin = await t.token(TENANT_A, 'admin-a', ['admin'], 'Ada Admin');
  });
  afterEach(() => t.close());

  /** A sent quote of tenant A's (or B's), its deal and its contact carrying text no page may show. */
  async function sentQuote(token = rep, validUntil = '2026-12-31'): Promise<Target> {
    const company = await create(t, 'company', { name: `${VICTIM} Company` }, token);
    const contact = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Gómez', emails: ['lucia.secret@victim.example'], companyId: company.id, customerNumber: 'CUST-SECRET-9' }, token);
    const deal = await create(t, 'deal', { name: `${VICTIM} Deal`, stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [contact.id], nextStep: `${VICTIM} next step` }, token);
    const quote = await create(t, 'quote', { dealId: deal.id, validUntil, lines: [{ name: 'Seat licence', quantity: 2, unitPrice: 100 }] }, token);
    const sent = await t.call('send-quote', { token, params: { id: quote.id }, body: {} });
    expect(sent.status).toBe(200);
    return { key: sent.body.publicKey, quoteId: quote.id };
  }
  async function webForm(): Promise<Target> {
    const form = await create(t, 'form', { name: 'Contact us' }, admin);
    return { key: formKeyOf(form) };
  }
  /** A survey of tenant A's sent to a contact carrying text no page may show (made as the surveys job makes it). */
  async function sentSurvey(expiresInDays = 14): Promise<Target> {
    const survey = await new RouteRequests(t, rep, admin).sentSurvey({ expiresAt: new Date(clock.getTime() + expiresInDays * 86_400_000) });
    return { key: survey.publicKey, surveyId: survey.id };
  }
  /** A published public article of tenant A's (or B's), written by an admin, naming tags no page may show. */
  async function publicArticle(token = admin, fields: object = {}): Promise<Target> {
    const made = await create(t, 'article', { title: 'Resetting your password', body: 'Open **Settings** and choose *Reset*.', language: 'en', tags: [`${VICTIM} tag`], status: 'published', visibility: 'public', ...fields }, token);
    return { key: (made as unknown as { publicKey: string }).publicKey, articleId: made.id };
  }
  /** A tracked link of tenant A's campaign, made by the admin, to the campaign's landing page. */
  async function trackedLink(token = admin, destination = 'https://shop.example/spring'): Promise<Target> {
    const campaign = await create(t, 'campaign', { name: `${VICTIM} campaign ${randomBytes(3).toString('hex')}` }, token);
    const link = await create(t, 'link', { campaignId: campaign.id, label: `${VICTIM} label`, destination }, token);
    return { key: (link as unknown as { code: string }).code, linkId: link.id };
  }
  const targetFor = (route: ApiRoute) =>
    route.name === 'submit-web-form'
      ? webForm()
      : surveyRoutes.includes(route)
        ? sentSurvey()
        : articleRoutes.includes(route)
          ? publicArticle()
          : linkRoutes.includes(route)
            ? trackedLink()
            : sentQuote();
  const recordOf = async (target: Target) => {
    if (target.linkId) return (await t.call('get-link', { token: rep, params: { id: target.linkId } })).body;
    if (target.surveyId) return (await t.call('get-survey', { token: rep, params: { id: target.surveyId } })).body;
    if (target.articleId) return (await t.call('get-article', { token: rep, params: { id: target.articleId } })).body;
    return (await t.call('get-quote', { token: rep, params: { id: target.quoteId! } })).body;
  };
  const call = (route: ApiRoute, options: CallOptions) => t.call(route.name, { token: null, ...options });

  it.each(publicRoutes.map((route) => [route.name, route] as const))('%s: a guessed key of the right shape opens nothing, and says nothing about why', async (_name, route) => {
    await targetFor(route);
    const answers = new Set<string>();
    for (let i = 0; i < 25; i++) {
      // Both shapes of a form's key: a public key, and an older form's tenant and id.
      const guess = route.name === 'submit-web-form' && i % 2 === 0 ? `${TENANT_A}.${randomBytes(16).toString('hex')}` : randomBytes(16).toString('base64url');
      const response = await call(route, { ...requests[route.name]!({ key: guess }), headers: { ...requests[route.name]!({ key: guess }).headers, accept: 'application/json' } });
      answers.add(`${response.status} ${JSON.stringify(response.body)}`);
    }
    expect([...answers]).toHaveLength(1);
    expect([...answers][0]).toMatch(/^404 /);
  });

  it.each(itemRoutes.map((route) => [route.name, route] as const))("%s: the record's id, or its tenant and id, is no key", async (_name, route) => {
    const target = await targetFor(route);
    const id = target.quoteId ?? target.surveyId ?? target.articleId ?? target.linkId!;
    for (const key of [id, `${TENANT_A}.${id}`, `${id}`.slice(0, 22), target.key.slice(0, 21), `${target.key}x`]) {
      const response = await call(route, { ...requests[route.name]!({ key }), headers: { accept: 'application/json' } });
      expect({ key, status: response.status, code: response.body?.error?.code }).toEqual({ key, status: 404, code: 'PUBLIC_LINK.NOT_FOUND' });
    }
  });

  it("a quote's page shows the quote and nothing else of the CRM: not the deal, not the contact's address or number, not the rep's", async () => {
    const { key } = await sentQuote();
    const page = await t.call('public-quote-page', { token: null, params: { key }, headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Seat licence');
    for (const secret of [`${VICTIM} Deal`, `${VICTIM} next step`, 'lucia.secret@victim.example', 'CUST-SECRET-9', 'rita@seller-a.example', 'rep-a', TENANT_A]) expect(page.text).not.toContain(secret);
    // Strict policy: nothing runs but the page's own script file, nothing frames it, nothing is cached or indexed.
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*(unsafe|\*|data:|https?:)/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(page.text).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it("tenant B's key opens only tenant B's quote, and tenant A's answers never reach B's records", async () => {
    const a = await sentQuote(rep);
    const b = await sentQuote(repB);
    expect((await t.call('accept-quote', { token: null, params: { key: b.key }, body: { name: 'Buyer B', acceptTerms: true } })).status).toBe(200);
    expect((await t.call('get-quote', { token: rep, params: { id: a.quoteId! } })).body.status).toBe('sent');
    expect((await t.call('get-quote', { token: repB, params: { id: b.quoteId! } })).body.status).toBe('accepted');
    // Tenant A's member cannot read B's quote by its id, nor answer with a key bent toward it.
    expect((await t.call('get-quote', { token: rep, params: { id: b.quoteId! } })).status).toBe(404);
  });

  it.each(itemRoutes.filter((route) => route.method === 'GET' && !linkRoutes.includes(route)).map((route) => [route.name, route] as const))('%s: reading never changes the record (a scanner fetching the link is not the customer)', async (_name, route) => {
    const target = await targetFor(route);
    const before = await recordOf(target);
    // A survey's e-mail links each score to the page: following one only preselects it.
    const request = requests[route.name]!(target);
    for (let i = 0; i < 3; i++) expect((await call(route, { ...request, query: target.surveyId ? { score: '1' } : {} })).status).toBe(200);
    const after = await recordOf(target);
    expect(after.version).toBe(before.version);
    expect(after.firstOpenedAt).toBeUndefined();
    expect(after.score).toBeUndefined();
  });

  it("a tracked link sends its visitor to its own destination and nowhere else, says nothing of the CRM, and never changes as it is opened", async () => {
    const { key, linkId } = await trackedLink(admin, 'https://shop.example/spring?ref=ad');
    // The campaign's name, as the marketer chose it, is the one thing of the CRM a link hands on (its UTM campaign).
    const landing = 'https://shop.example/spring?ref=ad&utm_source=email&utm_medium=email&utm_campaign=victim-deal-secret-campaign-';
    const before = await recordOf({ key, linkId });
    const hostile: CallOptions[] = [
      { query: { to: 'https://evil.example', url: '//evil.example', next: '/\\evil.example', redirect_uri: 'javascript:alert(1)' } },
      { query: { rp_code: 'Qk7f2aXb9sLm3nPq8rTv1w', utm_source: 'evil' } },
      { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-original-url': '/r/other', referer: 'https://evil.example' } },
    ];
    for (const [index, attempt] of hostile.entries()) {
      const request = requests['follow-tracked-link']!({ key });
      const response = await t.call('follow-tracked-link', { token: null, ...request, ...attempt, headers: { ...request.headers, ...attempt.headers, 'x-forwarded-for': `192.0.2.${index + 1}` } });
      const location = response.headers.get('location') ?? '';
      expect({ index, status: response.status, origin: new URL(location).origin }).toEqual({ index, status: 302, origin: 'https://shop.example' });
      expect(location.startsWith(landing)).toBe(true);
      expect(location.endsWith(`&rp_code=${key}`)).toBe(true);
      expect(location).not.toMatch(/evil|javascript/);
      // No tenant, no record id, no member.
      for (const secret of [TENANT_A, linkId!, 'admin-a']) expect(location).not.toContain(secret);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    // Clicks are counted into the reports, never written on the link: its version and audit stay.
    expect((await recordOf({ key, linkId })).version).toBe(before.version);
    expect((await t.call('link-history', { token: rep, params: { id: linkId! } })).body.items).toHaveLength(1);
    // A code of another kind (an article's key) opens no link, nor a link's code an article.
    const article = await publicArticle();
    expect((await t.call('follow-tracked-link', { token: null, params: { code: article.key }, headers: { accept: 'application/json' } })).body.error.code).toBe('PUBLIC_LINK.NOT_FOUND');
    expect((await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'application/json' } })).body.error.code).toBe('PUBLIC_LINK.NOT_FOUND');
  });

  it("an article's page shows the article and nothing else of the CRM, under the strict policy, in the article's language", async () => {
    const product = await create(t, 'product', { name: `${VICTIM} Product`, unitPrice: 10, currency: 'EUR' }, admin);
    const { key } = await publicArticle(admin, { title: 'Restablecer la contraseña', body: 'Abre **Ajustes**.', language: 'es', productIds: [product.id] });
    const page = await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'text/html', 'accept-language': 'en-GB' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="es">');
    expect(page.text).toContain('<h1>Restablecer la contraseña</h1>');
    expect(page.text).toContain('<p>Abre <strong>Ajustes</strong>.</p>');
    expect(page.text).toMatch(/Actualizado el \d+ de noviembre de 2026/);
    for (const secret of [`${VICTIM} Product`, `${VICTIM} tag`, 'admin-a', 'Ada Admin', TENANT_A, product.id]) expect(page.text).not.toContain(secret);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.text).not.toMatch(/<script/i);
  });

  it("tenant B's article key opens B's article only; A's member reads no B article by id", async () => {
    const a = await publicArticle(admin, { title: 'Tenant A answer' });
    const adminB = await t.token(TENANT_B, 'admin-b', ['admin'], 'Bea Admin');
    const b = await publicArticle(adminB, { title: 'Tenant B answer' });
    const pageOf = async (key: string) => (await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'text/html' } })).text;
    expect(await pageOf(a.key)).toContain('Tenant A answer');
    expect(await pageOf(a.key)).not.toContain('Tenant B answer');
    expect(await pageOf(b.key)).toContain('Tenant B answer');
    expect(await pageOf(b.key)).not.toContain('Tenant A answer');
    expect((await t.call('get-article', { token: rep, params: { id: b.articleId! } })).status).toBe(404);
    // A quote's key is no article's, nor an article's a quote's.
    const quote = await sentQuote();
    expect((await t.call('public-article-page', { token: null, params: { key: quote.key }, headers: { accept: 'application/json' } })).body.error.code).toBe('PUBLIC_LINK.NOT_FOUND');
    expect((await t.call('public-quote-page', { token: null, params: { key: a.key }, headers: { accept: 'application/json' } })).body.error.code).toBe('PUBLIC_LINK.NOT_FOUND');
  });

  it('an article archived, back in draft or made internal opens no more (410), a deleted one is unknown (404), and made public again it opens at the same link', async () => {
    const { key, articleId } = await publicArticle();
    const open = async () => {
      const response = await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'application/json' } });
      return `${response.status} ${response.body?.error?.code ?? ''}`.trim();
    };
    const change = async (body: object) => {
      const current = (await t.call('get-article', { token: admin, params: { id: articleId! } })).body;
      const changed = await t.call('update-article', { token: admin, params: { id: articleId! }, body, headers: { 'if-match': `"${current.version}"` } });
      expect(changed.status).toBe(200);
      return changed.body;
    };
    expect(await open()).toBe('200');
    await change({ status: 'archived' });
    expect(await open()).toBe('410 PUBLIC_LINK.EXPIRED');
    await change({ status: 'published' });
    expect(await open()).toBe('200');
    await change({ visibility: 'internal' });
    expect(await open()).toBe('410 PUBLIC_LINK.EXPIRED');
    // Made public again: the same key, so the links already sent open again.
    expect((await change({ visibility: 'public' })).publicKey).toBe(key);
    expect(await open()).toBe('200');
    await change({ status: 'draft' });
    expect(await open()).toBe('410 PUBLIC_LINK.EXPIRED');
    // A browser is told in its language what to do.
    const page = await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'text/html', 'accept-language': 'pt-BR' } });
    expect([page.status, page.text?.includes('Este link expirou')]).toEqual([410, true]);
    const current = (await t.call('get-article', { token: admin, params: { id: articleId! } })).body;
    expect((await t.call('delete-article', { token: admin, params: { id: articleId! }, headers: { 'if-match': `"${current.version}"` } })).status).toBe(204);
    expect(await open()).toBe('404 PUBLIC_LINK.NOT_FOUND');
  });

  it("keeps an editor's hostile Markdown as text: no script, handler, style or foreign address on the page", async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[click me](javascript:alert(3)) and [data](data:text/html;base64,PGI+eDwvYj4=) and [relative](/api/articles)',
      '![tracker](https://tracker.example/pixel.png "t")',
      '[ok][site]',
      '',
      '[site]: https://help.example/reset "Help"',
      '',
      '<a href="https://evil.example" onclick="alert(4)">raw link</a> <div style="position:fixed">raw div</div>',
      '```html\n<script>alert(5)</script>\n```',
    ].join('\n\n');
    const { key } = await publicArticle(admin, { title: '<b>Bold</b> "title" & <i>more</i>', body });
    const page = (await t.call('public-article-page', { token: null, params: { key }, headers: { accept: 'text/html' } })).text ?? '';
    const content = page.slice(page.indexOf('<body>'));
    expect(content).not.toMatch(/<script|<img|<div|<iframe|<b>|<i>/i);
    expect(content).not.toMatch(/<[a-z][^>]*\s(on[a-z]+|style)\s*=/i);
    expect(content).not.toMatch(/javascript:|data:text/i);
    expect(content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(content).toContain('&lt;b&gt;Bold&lt;/b&gt; &quot;title&quot; &amp; &lt;i&gt;more&lt;/i&gt;');
    // Words of a refused link stay as text; an image is a link to it, loading nothing; a reference resolves.
    expect(content).toContain('click me and data and relative');
    expect(content).toContain('<a href="https://tracker.example/pixel.png" rel="noopener noreferrer nofollow">tracker</a>');
    expect(content).toContain('<a href="https://help.example/reset" rel="noopener noreferrer nofollow">ok</a>');
    // Every address on the page: the allowed ones only.
    expect([...content.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(['https://tracker.example/pixel.png', 'https://help.example/reset']);
  });

  it("a survey's page shows the question and the tenant's name, nothing else of the CRM, and an expired one takes no answer", async () => {
    const { key, surveyId } = await sentSurvey(2);
    const page = await t.call('public-survey-page', { token: null, params: { key }, headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('How satisfied are you');
    for (const secret of ['VICTIM-A-SECRET', 'victim@victim-a.example', 'rita@seller-a.example', 'rep-a', TENANT_A, surveyId!]) expect(page.text).not.toContain(secret);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('script-src');
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).not.toMatch(/\son[a-z]+\s*=/i);
    // A comment that would start a mail header, or turn text around, is refused; markup is kept as text, never shown.
    for (const comment of ['fine\u202Eevil', 'ok\u0000']) expect((await t.call('answer-survey', { token: null, params: { key }, body: { score: 4, comment } })).status).toBe(400);
    clock = new Date(clock.getTime() + 3 * 86_400_000);
    expect((await t.call('answer-survey', { token: null, params: { key }, body: { score: 4 } })).status).toBe(410);
    expect((await t.call('public-survey-page', { token: null, params: { key }, headers: { accept: 'text/html' } })).status).toBe(410);
    expect((await recordOf({ key, surveyId })).status).toBe('sent');
  });

  it("tenant B's survey key answers only tenant B's survey", async () => {
    const a = await sentSurvey();
    const b = await new RouteRequests(t, repB, repB).sentSurvey({ tenantId: TENANT_B, expiresAt: new Date(clock.getTime() + 86_400_000) });
    expect((await t.call('answer-survey', { token: null, params: { key: b.publicKey }, body: { score: 5 } })).status).toBe(200);
    expect((await recordOf(a)).status).toBe('sent');
    expect((await t.call('get-survey', { token: repB, params: { id: b.id } })).body).toMatchObject({ status: 'answered', score: 5 });
    expect((await t.call('get-survey', { token: rep, params: { id: b.id } })).status).toBe(404);
  });

  it('an expired quote takes no answer, and its page says it expired', async () => {
    const { key, quoteId } = await sentQuote(rep, '2026-11-20');
    clock = new Date('2026-12-01T10:00:00Z');
    for (const route of quoteRoutes.filter((candidate) => candidate.method === 'POST' && candidate.name !== 'quote-opened')) {
      const response = await call(route, requests[route.name]!({ key }));
      expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 410 });
    }
    expect((await t.call('get-quote', { token: rep, params: { id: quoteId! } })).body.status).toBe('sent');
    const page = await t.call('public-quote-page', { token: null, params: { key }, headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('This quote expired on 20 Nov 2026');
    expect(page.text).not.toContain('<form');
    // Its prices are no longer shown, and its PDF is no longer served.
    expect(page.text).not.toContain('Seat licence');
    expect((await t.call('public-quote-pdf', { token: null, params: { key }, headers: { accept: 'application/json' } })).status).toBe(410);
  });

  it('a replayed answer is the first one: one acceptance, one note on the deal, and no second answer of another kind', async () => {
    const { key, quoteId } = await sentQuote();
    const post = 'name=Luc%C3%ADa+G%C3%B3mez&acceptTerms=on';
    const form = { token: null, params: { key }, body: post, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } };
    const first = await t.call('accept-quote', form);
    const second = await t.call('accept-quote', form);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(first.headers.get('location')).toBe(`/api/public/quotes/${key}`);
    const quote = (await t.call('get-quote', { token: rep, params: { id: quoteId! } })).body;
    // The answer, then the note that its follow-up was done: two versions after the send, however often it is posted.
    expect(quote).toMatchObject({ status: 'accepted', answer: { name: 'Lucía Gómez' }, version: 4 });
    const timeline = (await t.call('deal-timeline', { token: rep, params: { id: quote.dealId } })).body.items;
    expect(timeline.filter((item: { subject: string }) => item.subject === 'Q-1 accepted')).toHaveLength(1);
    expect((await t.call('decline-quote', { token: null, params: { key }, body: { reason: 'Changed my mind' } })).status).toBe(409);
  });

  it.each(withBody.map((route) => [route.name, route] as const))('%s: refuses oversized, malformed, mistyped and hostile bodies, storing nothing', async (_name, route) => {
    const target = await targetFor(route);
    const valid = requests[route.name]!(target);
    const huge = await call(route, { ...valid, body: JSON.stringify({ name: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
    const malformed = await call(route, { ...valid, body: '{"name":' });
    expect(malformed.status).toBe(400);
    const mistyped = await call(route, { ...valid, body: 'name=A', headers: { 'content-type': 'text/plain' } });
    expect(mistyped.status).toBe(415);
    const extra = await call(route, { ...valid, body: { ...(valid.body as object), tenantId: TENANT_B, status: 'accepted', isAdmin: true } });
    expect(extra.status).toBe(400);
    if (target.quoteId || target.surveyId) expect((await recordOf(target)).status).toBe('sent');
  });

  it('keeps hostile text as text: a name with markup is shown escaped on the page; a line break or a direction override is refused', async () => {
    const { key } = await sentQuote();
    for (const name of ['Zoe\r\nBcc: everyone@victim.example', 'Zoe\u202Eevil']) {
      expect((await t.call('accept-quote', { token: null, params: { key }, body: { name, acceptTerms: true } })).status).toBe(400);
    }
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect((await t.call('accept-quote', { token: null, params: { key }, body: { name: hostile, acceptTerms: true } })).status).toBe(200);
    const page = await t.call('public-quote-page', { token: null, params: { key }, headers: { accept: 'text/html' } });
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('never writes a key into the request log', () => {
    expect(withoutKeys('/api/public/quotes/Qk7f2aXb9sLm3nPq8rTv1w/accept')).toBe('/api/public/quotes/…/accept');
    expect(withoutKeys('/api/forms/Qk7f2aXb9sLm3nPq8rTv1w/leads')).toBe('/api/forms/…/leads');
    expect(withoutKeys('/api/public/surveys/Qk7f2aXb9sLm3nPq8rTv1w/answer')).toBe('/api/public/surveys/…/answer');
    expect(withoutKeys('/api/public/articles/Qk7f2aXb9sLm3nPq8rTv1w')).toBe('/api/public/articles/…');
    expect(withoutKeys('/r/Qk7f2aXb9sLm3nPq8rTv1w')).toBe('/r/…');
    expect(withoutKeys('/api/quotes/q1/send')).toBe('/api/quotes/q1/send');
  });

  it('an unknown key on a page a browser opens is a page in the visitor\'s language saying what to do', async () => {
    const response = await t.call('public-quote-page', { token: null, params: { key: randomBytes(16).toString('base64url') }, headers: { accept: 'text/html', 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('Este enlace no abre nada');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('public pages under their rate limits', () => {
  let t: TestApp;
  afterEach(() => t.close());

  it.each(publicRoutes.filter((route) => route.name !== 'submit-web-form').map((route) => [route.name, route] as const))('%s: a burst from one visitor gets 429 with Retry-After', async (_name, route) => {
    t = await createTestApp({ env: { PUBLIC_PAGE_LIMIT_PER_MINUTE: '3', PUBLIC_PAGE_TOTAL_LIMIT_PER_MINUTE: '100', TRACKED_LINK_LIMIT_PER_MINUTE: '3' } });
    const token = await t.token();
    const keyOfItem = async () => {
      if (surveyRoutes.includes(route)) return (await new RouteRequests(t, token, token).sentSurvey()).publicKey;
      if (articleRoutes.includes(route)) return (await create(t, 'article', { title: 'Seats', language: 'en', status: 'published', visibility: 'public' }, await t.token(TENANT_A, 'admin-a', ['admin']))).publicKey!;
      if (linkRoutes.includes(route)) {
        const admin = await t.token(TENANT_A, 'admin-a', ['admin']);
        const campaign = await create(t, 'campaign', { name: 'Seats' }, admin);
        return ((await create(t, 'link', { campaignId: campaign.id, label: 'Seats', destination: 'https://shop.example' }, admin)) as unknown as { code: string }).code;
      }
      const quote = await create(t, 'quote', { dealId: (await create(t, 'deal', { name: 'Seats', stage: 'proposal' })).id, lines: [{ name: 'Seat', quantity: 1, unitPrice: 10 }] });
      return (await t.call('send-quote', { params: { id: quote.id }, body: {} })).body.publicKey as string;
    };
    const key = await keyOfItem();
    const statuses: number[] = [];
    let last = null as Awaited<ReturnType<TestApp['call']>> | null;
    for (let i = 0; i < 5; i++) {
      const request = requests[route.name]!({ key });
      last = await t.call(route.name, { token: null, ...request, headers: { ...request.headers, 'x-forwarded-for': '203.0.113.9', accept: 'application/json' } });
      statuses.push(last.status === 429 ? 429 : 0);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
