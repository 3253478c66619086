import type { Article, Case, LookupResponse } from '@rapport/shared';
import { DEMO_USER_EMAIL } from '../../functions/src/local/demo/demo-data';
import { demoArticleId } from '../../functions/src/local/demo/demo-knowledge';
import { cspViolations, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// The knowledge base in Chromium (issue 22): a customer's e-mail about a known problem gets the article that answers it
// first, in the customer's language, on their card at 320 px; the article opens rendered from its Markdown (an
// editor's HTML shown as text, never run); in a reply, Insert article puts its text at the cursor and logs on the
// customer's case that it answered it. English and Spanish, every view checked and photographed.

jest.setTimeout(300_000);

const ADMIN = 'c0ffee00-0000-4000-8000-0000000000c1';
const PROBLEM = 'A customer reporting a known problem';

let site: DemoSite;
beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => site?.close());

/** Nothing of the pane runs off sideways, values stay whole, axe finds nothing serious; the pane photographed. */
async function checkAndShoot(page: Parameters<typeof checkPane>[0], view: string): Promise<void> {
  expect(problemsOf(await checkPane(page, `knowledge-${view}`, 320))).toEqual([]);
}

/** The sender of the known problem as the CRM knows them, and their one open case. */
async function customerOfProblem(): Promise<{ contactId: string; openCase: Case }> {
  const email = demoItem(site, PROBLEM);
  const lookup = await demoApi<LookupResponse>(site, 'POST', '/api/lookup', { emails: [email.from!.email] });
  const result = lookup.results[0]!;
  expect(result.openCases).toHaveLength(1);
  return { contactId: result.contact!.id, openCase: result.openCases[0]! };
}

describe('the knowledge base in the pane', () => {
  it("suggests the article that answers the customer's known problem first, in their language, and opens it rendered", async () => {
    const email = demoItem(site, PROBLEM);
    for (const lang of ['en-US', 'es-ES'] as const) {
      const english = lang === 'en-US';
      const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang });
      await pane.getByRole('region', { name: email.from!.name }).waitFor();
      const answers = pane.getByRole('list', { name: english ? 'Articles that may answer it' : 'Artículos que pueden responderlo' });
      await answers.waitFor();
      // The invoice article first: Portuguese (the customer's), about their product (seats on their deal).
      const first = answers.getByRole('listitem').first();
      expect(await first.getByText('Sua fatura mostra um valor diferente do esperado').count()).toBe(1);
      await first.getByText(english ? 'For their product' : 'Para su producto').waitFor();
      await first.getByText(english ? 'Portuguese' : 'Portugués').waitFor();
      expect(await answers.getByRole('listitem').count()).toBeLessThanOrEqual(3);
      await checkAndShoot(page, `card-${lang}`);

      // Opened: the article's view, its Markdown rendered (headings, emphasis, a link that opens a new window).
      await first.getByRole('button').click();
      await pane.getByRole('heading', { level: 1, name: 'Sua fatura mostra um valor diferente do esperado' }).waitFor();
      await pane.getByRole('heading', { level: 3, name: '1. Licenças adicionadas durante o período' }).waitFor();
      expect(await pane.locator('strong', { hasText: 'pro rata' }).count()).toBe(1);
      const link = pane.getByRole('link', { name: 'como faturamos' });
      expect(await link.getAttribute('href')).toBe('https://help.rapport-demo.com/billing/invoices');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      await pane.getByText('Sales seat (annual)').first().waitFor();
      await checkAndShoot(page, `article-${lang}`);

      // Its other languages: English opens the original, Back returns to the Portuguese.
      const languages = pane.getByRole('navigation', { name: english ? 'Languages' : 'Idiomas' });
      await languages.getByRole('button', { name: english ? 'Read it in English' : 'Leerlo en inglés' }).click();
      await pane.getByRole('heading', { level: 1, name: 'Your invoice shows a different amount than you expected' }).waitFor();
      await pane.getByRole('button', { name: english ? 'Back' : 'Atrás' }).click();
      await pane.getByRole('heading', { level: 1, name: 'Sua fatura mostra um valor diferente do esperado' }).waitFor();
      expect(await cspViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it("suggests the articles that answer the customer's case on the case's view", async () => {
    const { openCase } = await customerOfProblem();
    const email = demoItem(site, PROBLEM);
    for (const lang of ['en-US', 'es-ES'] as const) {
      const english = lang === 'en-US';
      const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang });
      await pane.getByRole('region', { name: email.from!.name }).waitFor();
      await pane.getByRole('button', { name: english ? /^Open cases/ : /^Casos abiertos/ }).click();
      await pane.getByRole('button', { name: new RegExp(openCase.subject) }).first().click();
      await pane.getByRole('heading', { level: 1, name: `#${openCase.number} ${openCase.subject}` }).waitFor();
      // Matched on the case's subject and description: the invoice article first, in the customer's language.
      const answers = pane.getByRole('list', { name: english ? 'Articles that may answer it' : 'Artículos que pueden responderlo' });
      await answers.getByRole('listitem').first().getByText('Sua fatura mostra um valor diferente do esperado').waitFor();
      await checkAndShoot(page, `case-${lang}`);
      await page.close();
    }
  });

  it("shows an editor's HTML in an article as text, never runs it, on the card's search, the article and its record page", async () => {
    const hostile = await demoApi<Article>(
      site,
      'POST',
      '/api/articles',
      {
        title: 'Zebra printer shows hostile markup',
        language: 'en',
        status: 'published',
        tags: ['zebra'],
        body: [
          'Before <script>window.__knowledgeXss = 1</script> after.',
          '<img src="x" onerror="window.__knowledgeXss = 2"> and <b onmouseover="window.__knowledgeXss = 3">bold?</b>',
          '[A trap](javascript:window.__knowledgeXss=4) and [the manual](https://help.rapport-demo.com/zebra).',
        ].join('\n\n'),
      },
      { 'idempotency-key': 'knowledge-e2e:hostile' },
      ADMIN,
    );
    const email = demoItem(site, PROBLEM);
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    const search = pane.getByRole('search', { name: 'Search the knowledge base' });
    await search.getByRole('searchbox').fill('zebra hostile');
    const found = pane.getByRole('list', { name: 'Articles found for “zebra hostile”' });
    await found.getByRole('button', { name: /^Zebra printer shows hostile markup/ }).click();
    await pane.getByRole('heading', { level: 1, name: 'Zebra printer shows hostile markup' }).waitFor();
    const article = pane.getByRole('region', { name: 'Article' });
    await article.getByText('Before <script>window.__knowledgeXss = 1</script> after.').waitFor();
    await article.getByText('<img src="x" onerror="window.__knowledgeXss = 2"> and <b onmouseover="window.__knowledgeXss = 3">bold?</b>').waitFor();
    // Text, not elements: no script, image or bold made from it; the javascript: link is its words only.
    expect(await article.locator('script, img, b').count()).toBe(0);
    expect(await article.getByRole('link').evaluateAll((links) => links.map((link) => [link.textContent, link.getAttribute('href')]))).toEqual([['the manual', 'https://help.rapport-demo.com/zebra']]);
    await checkAndShoot(page, 'hostile-article');
    const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'))!;
    expect(await frame.evaluate(() => (window as unknown as { __knowledgeXss?: number }).__knowledgeXss ?? null)).toBeNull();
    await page.close();

    // The same on its record page, at a page's width.
    const record = await site.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    record.on('pageerror', (error) => errors.push(error.message));
    await record.goto(`${site.server.url}/records/article/${hostile.id}?as=${encodeURIComponent(DEMO_USER_EMAIL)}&lang=es`);
    await record.getByRole('heading', { level: 1, name: 'Zebra printer shows hostile markup' }).waitFor({ timeout: 30_000 });
    await record.getByText('Before <script>window.__knowledgeXss = 1</script> after.').waitFor();
    await record.getByText('Publicado').waitFor();
    await record.getByText('Por ahora solo en inglés.').waitFor();
    expect(await record.locator('main img, main b, main script').count()).toBe(0);
    expect(await record.evaluate(() => (window as unknown as { __knowledgeXss?: number }).__knowledgeXss ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await screenshot(record, 'knowledge-record-page-es');
    await record.close();
  });

  it('inserts the article in a reply in the customer’s language and logs on their case that it answered it', async () => {
    const { openCase } = await customerOfProblem();
    const email = demoItem(site, PROBLEM);
    const { page, pane } = await openDemo(site, { item: email.id, width: 320 });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    await pane.getByRole('button', { name: 'Insert article' }).click();
    const insert = pane.getByRole('region', { name: 'Insert an article' });
    const choices = insert.getByRole('radiogroup', { name: 'Article to insert' });
    // Suggested for the draft: its subject and the customer; the invoice article first, chosen.
    const first = choices.getByRole('radio').first();
    await first.waitFor();
    expect(await first.isChecked()).toBe(true);
    expect(await insert.getByText('Sua fatura mostra um valor diferente do esperado').count()).toBe(1);
    // In the customer's language, with the others to choose; the only open case chosen.
    const language = insert.getByRole('combobox', { name: 'Language of the text' });
    await insert.getByRole('option', { name: 'Portuguese, the customer’s' }).waitFor({ state: 'attached' });
    expect(await language.inputValue()).toBe(demoArticleId('invoice-amount', 'pt'));
    expect(await insert.getByRole('option').allTextContents()).toEqual(['English', 'Spanish', 'Portuguese, the customer’s']);
    const caseChoice = insert.getByRole('radio', { name: `Case #${openCase.number}: ${openCase.subject}` });
    expect(await caseChoice.isChecked()).toBe(true);
    await checkAndShoot(page, 'insert-en-US');

    // The cursor at the top of the body, above the signature and the quoted e-mail.
    const body = page.getByRole('textbox', { name: 'Message body' });
    await body.click({ position: { x: 10, y: 10 } });
    await insert.getByRole('button', { name: 'Insert', exact: true }).click();
    await pane.getByText(`The article is in your message. Logged: this article answered case #${openCase.number}.`).waitFor();
    const text = await body.innerText();
    expect(text).toContain('Sua fatura mostra um valor diferente do esperado');
    expect(text).toContain('As licenças adicionadas depois do início da assinatura são cobradas pro rata');
    expect(text.indexOf('Sua fatura')).toBeLessThan(text.indexOf('Avery Quinn'));
    expect(await body.locator('a[href="https://help.rapport-demo.com/billing/invoices"]').count()).toBe(1);
    expect(await body.locator('script, img').count()).toBe(0);
    await checkAndShoot(page, 'inserted-en-US');
    await screenshot(page, 'knowledge-reply-inserted');

    // The case records the article that answered it.
    const answered = await demoApi<Case>(site, 'GET', `/api/cases/${openCase.id}`);
    expect(answered.answeredWith).toEqual([{ articleId: demoArticleId('invoice-amount', 'pt'), at: expect.any(String), by: expect.any(String) }]);
    await page.close();
  });

  it('offers Insert article in Spanish, another language on request, and logs nothing when the rep says it answers no case', async () => {
    const { openCase } = await customerOfProblem();
    const before = (await demoApi<Case>(site, 'GET', `/api/cases/${openCase.id}`)).answeredWith ?? [];
    const email = demoItem(site, PROBLEM);
    const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang: 'es-ES' });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('textbox', { name: 'Subject' }).waitFor();
    await pane.getByRole('button', { name: 'Insertar artículo' }).click();
    const insert = pane.getByRole('region', { name: 'Insertar un artículo' });
    await insert.getByRole('radiogroup', { name: 'Artículo que insertar' }).getByRole('radio').first().waitFor();
    await insert.getByRole('option', { name: 'Portugués, el del cliente' }).waitFor({ state: 'attached' });
    await checkAndShoot(page, 'insert-es-ES');
    await insert.getByRole('combobox', { name: 'Idioma del texto' }).selectOption({ label: 'Español' });
    await insert.getByRole('radio', { name: 'A ninguno: no registrar nada' }).check();
    const body = page.getByRole('textbox', { name: 'Message body' });
    await body.click({ position: { x: 10, y: 10 } });
    await insert.getByRole('button', { name: 'Insertar', exact: true }).click();
    await pane.getByText('El artículo está en tu mensaje.').waitFor();
    expect(await body.innerText()).toContain('Tu factura muestra un importe distinto del que esperabas');
    await checkAndShoot(page, 'inserted-es-ES');
    expect((await demoApi<Case>(site, 'GET', `/api/cases/${openCase.id}`)).answeredWith ?? []).toEqual(before);
    await page.close();
  });

  it('says when no article matches and offers the search, and says in Spanish what to do when the suggestions cannot be read', async () => {
    const email = demoItem(site, PROBLEM);
    for (const lang of ['en-US', 'es-ES'] as const) {
      const english = lang === 'en-US';
      const { page, pane } = await openDemo(site, { item: email.id, width: 320, lang });
      const none = (route: { fulfill: (response: { json: unknown }) => Promise<void> }) => route.fulfill({ json: { suggestions: [] } });
      await page.route('**/api/knowledge/suggestions', none);
      await page.reload();
      await pane.getByText(english ? 'No article matches this e-mail. Search the knowledge base:' : 'Ningún artículo responde a este correo. Busca en la base de conocimiento:').waitFor();
      await pane.getByRole('search').getByRole('searchbox').fill(english ? 'warranty' : 'garantía warranty');
      await pane.getByRole('button', { name: /^What the warranty covers, and for how long/ }).waitFor();
      await checkAndShoot(page, `empty-and-search-${lang}`);
      await pane.getByRole('search').getByRole('searchbox').fill('qwertyuiop');
      await pane.getByText(english ? 'No published article matches “qwertyuiop”. Try other words, or fewer.' : 'Ningún artículo publicado coincide con «qwertyuiop». Prueba con otras palabras, o con menos.').waitFor();
      await page.unroute('**/api/knowledge/suggestions', none);

      // Rapport cannot be reached for the suggestions: said in the user's language, with Retry, which brings them.
      const offline = (route: { abort: (reason: string) => Promise<void> }) => route.abort('internetdisconnected');
      await page.route('**/api/knowledge/suggestions', offline);
      await page.reload();
      const alert = pane.getByRole('alert').filter({ hasText: english ? 'The suggested articles could not be read.' : 'No se pudieron leer los artículos sugeridos.' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).not.toMatch(/Failed to fetch|internetdisconnected/);
      await checkAndShoot(page, `error-${lang}`);
      await page.unroute('**/api/knowledge/suggestions', offline);
      await alert.getByRole('button', { name: english ? 'Try again' : 'Reintentar' }).click();
      await pane.getByRole('list', { name: english ? 'Articles that may answer it' : 'Artículos que pueden responderlo' }).waitFor();
      await page.close();
    }
  });
});
