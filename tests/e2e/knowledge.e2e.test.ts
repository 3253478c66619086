import type { Article, ArticleSuggestions, Case, LookupResponse } from '@rapport/shared';
import { DEMO_USER_EMAIL } from '../../functions/src/local/demo/demo-data';
import { demoArticleId } from '../../functions/src/local/demo/demo-knowledge';
import { cspViolations, demoApi, demoItem, openDemo, screenshot, startDemoSite, type DemoSite } from './browser';
import { checkPane, problemsOf } from './pane-checks';

// The knowledge base in Chromium (issue 22): a customer's e-mail about a known problem gets the article that answers it
// first, in the customer's language, on their card at 320 px; the article opens rendered from its Markdown (an
// editor's HTML shown as text, never run); in a reply, Insert article puts its text at the cursor and logs on the
// customer's case that it answered it, or a public article's link. An admin writes an article in the pane, publishes it
// with a public page a browser opens without a token, and finds it suggested; a closed case becomes a draft article.
// English and Spanish, every view checked and photographed.

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

/** A reply to the known problem's e-mail at 320 px, its pane's Insert article open. */
async function replyWithInsertArticle(lang: 'en-US' | 'es-ES' = 'en-US') {
  const english = lang === 'en-US';
  const email = demoItem(site, PROBLEM);
  const opened = await openDemo(site, { item: email.id, width: 320, lang });
  await opened.pane.getByRole('region', { name: email.from!.name }).waitFor();
  await opened.page.getByRole('button', { name: 'Reply' }).click();
  await opened.page.getByRole('textbox', { name: 'Subject' }).waitFor();
  await opened.pane.getByRole('button', { name: english ? 'Insert article' : 'Insertar artículo' }).click();
  return { ...opened, insert: opened.pane.getByRole('region', { name: english ? 'Insert an article' : 'Insertar un artículo' }) };
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
    const { page, pane, insert } = await replyWithInsertArticle();
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
    const { page, pane, insert } = await replyWithInsertArticle('es-ES');
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
  it('lets an admin write an article in the pane: previewed, published with a public page that opens without a token, then suggested and found; a rep sees no editing controls', async () => {
    const email = demoItem(site, PROBLEM);
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    // Avery, a rep and no knowledge editor, reads the answers and writes none.
    const asRep = await openDemo(site, { item: email.id, width: 320 });
    await asRep.pane.getByRole('list', { name: 'Articles that may answer it' }).waitFor();
    await asRep.pane.getByRole('search', { name: 'Search the knowledge base' }).waitFor();
    expect(await asRep.pane.getByRole('button', { name: 'New article' }).count()).toBe(0);
    await asRep.page.close();

    const { page, pane } = await openDemo(site, { item: email.id, width: 320, as: admin.email });
    await pane.getByRole('list', { name: 'Articles that may answer it' }).waitFor();
    await pane.getByRole('button', { name: 'New article' }).click();
    const form = pane.getByRole('form', { name: 'New knowledge article' });
    await form.getByRole('textbox', { name: /Title/ }).fill('Printed pages come out faded');
    await form
      .getByRole('textbox', { name: /Text \(Markdown\)/ })
      .fill('Faded pages mean the **toner** runs low.\n\n1. Open the front cover.\n2. Shake the cartridge from side to side.\n\nSee [the printer guide](https://help.rapport-demo.com/printers/faded-pages-and-toner-levels-explained-step-by-step).');
    await form.getByRole('checkbox', { name: 'Service seat (annual)' }).check();
    await form.getByRole('textbox', { name: /Tags/ }).fill('faded, toner, printer');
    await checkAndShoot(page, 'editor-new');
    await form.getByRole('tab', { name: 'Preview' }).click();
    const preview = form.getByRole('tabpanel', { name: 'Preview' });
    await preview.locator('strong', { hasText: 'toner' }).waitFor();
    expect(await preview.getByRole('link', { name: 'the printer guide' }).getAttribute('target')).toBe('_blank');
    await checkAndShoot(page, 'editor-preview');
    await form.getByRole('combobox', { name: 'Status' }).selectOption('published');
    await form.getByRole('switch', { name: /Public page/ }).check();
    await form.getByRole('button', { name: 'Save article' }).click();

    // Saved: its view, public, with the editing controls and its history.
    await pane.getByRole('heading', { level: 1, name: 'Printed pages come out faded' }).waitFor();
    const view = pane.getByRole('article', { name: 'Printed pages come out faded' });
    await view.getByText('Public page', { exact: true }).waitFor();
    await view.getByRole('button', { name: 'Changes' }).click();
    await view.getByRole('list', { name: 'Changes' }).getByText('Sam Patel created it').waitFor();
    await checkAndShoot(page, 'article-for-editors');
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editing = pane.getByRole('form', { name: 'Edit the article' });
    const url = await editing.getByRole('textbox', { name: 'Link to its public page' }).inputValue();
    expect(url).toMatch(new RegExp(`^${site.server.url}/api/public/articles/[A-Za-z0-9_-]{22}$`));
    await checkAndShoot(page, 'editor-edit');
    await editing.getByRole('button', { name: 'Cancel' }).click();
    expect(await cspViolations(page)).toEqual([]);
    await page.close();

    // Suggested to reps for a customer's words, and found by a rep's search in the pane.
    const answer = await demoApi<ArticleSuggestions>(site, 'POST', '/api/knowledge/suggestions', { subject: 'Our printed pages are faded' });
    expect(answer.suggestions[0]?.article.title).toBe('Printed pages come out faded');
    const rep = await openDemo(site, { item: email.id, width: 320 });
    await rep.pane.getByRole('search', { name: 'Search the knowledge base' }).getByRole('searchbox').fill('faded pages');
    await rep.pane.getByRole('list', { name: 'Articles found for “faded pages”' }).getByRole('button', { name: /^Printed pages come out faded/ }).click();
    await rep.pane.getByRole('heading', { level: 1, name: 'Printed pages come out faded' }).waitFor();
    expect(await rep.pane.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await rep.page.close();

    // Its public page, as a customer opens the link: no token, the article alone, nothing sideways on a phone.
    const customer = await site.browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'en-GB' });
    const opened = await customer.goto(url);
    expect(opened?.status()).toBe(200);
    expect(opened?.headers()['content-security-policy']).toContain("default-src 'none'");
    await customer.getByRole('heading', { level: 1, name: 'Printed pages come out faded' }).waitFor();
    await customer.locator('main strong', { hasText: 'toner' }).waitFor();
    expect(await customer.locator('main ol > li').count()).toBe(2);
    expect(await customer.getByRole('link', { name: 'the printer guide' }).getAttribute('href')).toBe('https://help.rapport-demo.com/printers/faded-pages-and-toner-levels-explained-step-by-step');
    expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await customer.getByText(/Service seat|faded, toner|Sam Patel/).count()).toBe(0);
    await screenshot(customer, 'knowledge-public-page');

    // Archived, its link opens no more: said in the visitor's language.
    const article = answer.suggestions[0]!.article;
    await demoApi(site, 'PATCH', `/api/articles/${article.id}`, { status: 'archived' }, { 'if-match': `"${article.version}"` }, ADMIN);
    const gone = await customer.goto(url);
    expect(gone?.status()).toBe(410);
    await customer.getByText('This link has expired. Ask the sender for a new one.').waitFor();
    await screenshot(customer, 'knowledge-public-page-archived');
    await customer.close();
  });

  it('inserts a public article as a link to its page with its title, or its text on request', async () => {
    const { page, pane, insert } = await replyWithInsertArticle();
    await insert.getByRole('search').getByRole('searchbox').fill('warranty');
    await insert.getByRole('radio', { name: /^What the warranty covers, and for how long/ }).check();
    const as = insert.getByRole('radiogroup', { name: 'What to insert' });
    expect(await as.getByRole('radio', { name: 'A link to its public page, with its title' }).isChecked()).toBe(true);
    await insert.getByRole('radio', { name: 'None: log nothing' }).check();
    await checkAndShoot(page, 'insert-link');
    const body = page.getByRole('textbox', { name: 'Message body' });
    await body.click({ position: { x: 10, y: 10 } });
    await insert.getByRole('button', { name: 'Insert', exact: true }).click();
    await pane.getByText('The link to the article is in your message.').waitFor();
    const link = body.getByRole('link', { name: 'What the warranty covers, and for how long' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${site.server.url}/api/public/articles/[A-Za-z0-9_-]{22}$`));
    expect(await body.innerText()).not.toContain('two years');
    const opened = await fetch(href);
    expect([opened.status, (await opened.text()).includes('<h1>What the warranty covers, and for how long</h1>')]).toEqual([200, true]);
    await page.close();
  });

  it('offers an admin who closes a case in the pane to turn it into a draft article, and opens it in the editor', async () => {
    const { contactId } = await customerOfProblem();
    const email = demoItem(site, PROBLEM);
    const admin = site.inbox.signIns.find((person) => person.role === 'admin')!;
    const made = await demoApi<Case>(
      site,
      'POST',
      '/api/cases',
      { subject: 'Re: Printed pages come out streaked', description: 'Every printed page has grey streaks down the left side.', contactId, status: 'assigned' },
      { 'idempotency-key': 'knowledge-e2e:streaks' },
    );
    const { page, pane } = await openDemo(site, { item: email.id, width: 320, as: admin.email });
    await pane.getByRole('region', { name: email.from!.name }).waitFor();
    await pane.getByRole('button', { name: /^Open cases/ }).click();
    await pane.getByRole('combobox', { name: `Status of Case #${made.number}` }).selectOption('closed');
    const offer = pane.getByRole('region', { name: `Case #${made.number} is closed. Turn it into a draft article for the next customer who asks?` });
    await offer.getByRole('textbox', { name: 'The answer that solved it' }).fill('Clean the **drum** with the blue tab, then print a test page.');
    await checkAndShoot(page, 'draft-from-case');
    await offer.getByRole('button', { name: 'Turn into a draft article' }).click();
    const form = pane.getByRole('form', { name: 'Edit the article' });
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: /Title/ }).inputValue()).toBe('Printed pages come out streaked');
    // The customer reads Portuguese: the draft is in it, its headings too.
    expect(await form.getByRole('textbox', { name: /Text \(Markdown\)/ }).inputValue()).toBe(
      '## Pergunta\n\nEvery printed page has grey streaks down the left side.\n\n## Resposta\n\nClean the **drum** with the blue tab, then print a test page.',
    );
    expect(await form.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('pt');
    expect(await form.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('draft');
    await checkAndShoot(page, 'draft-editor');
    await page.close();
  });
});
