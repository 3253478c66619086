import { TENANT_A, create, createTestApp, testStores, type TestApp } from './test-app';

// Knowledge articles (issue 22, part 1): admins and the members an admin makes knowledge editors write them (any
// article, whoever wrote it); translations share a group, each in a language of its own; only published articles are
// suggested, ranked by their words, the customer's products first, shown in the customer's language.
describe.each(testStores)('knowledge articles on %s', (store) => {
  let t: TestApp;
  let admin: string;
  let ana: string;
  let ben: string;
  let boss: string;

  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'admin-1', ['admin'], 'Ada Admin');
    ana = await t.token(TENANT_A, 'rep-ana', ['rep'], 'Ana Souza');
    ben = await t.token(TENANT_A, 'rep-ben', ['rep'], 'Ben Okafor');
    boss = await t.token(TENANT_A, 'boss-1', ['manager'], 'Morgan Blake');
    for (const token of [admin, ana, ben, boss]) expect((await t.call('get-me', { token })).status).toBe(200);
  });
  afterEach(() => t.close());

  const article = (body: object, token = admin) => t.call('create-article', { token, body: { title: 'The printer prints blank pages', body: 'Seat the **toner** cartridge.', language: 'en', ...body } });
  const change = async (id: string, body: object, token = admin) => {
    const current = (await t.call('get-article', { token, params: { id } })).body;
    return t.call('update-article', { token, params: { id }, body, headers: { 'if-match': `"${current.version}"` } });
  };
  const makeEditor = async (id: string) => {
    const member = (await t.call('list-members', { token: admin })).body.items.find((item: { id: string }) => item.id === id);
    const changed = await t.call('update-member', { token: admin, params: { id }, body: { capabilities: ['knowledgeEditor'] }, headers: { 'if-match': `"${member.version}"` } });
    expect(changed.body).toMatchObject({ capabilities: ['knowledgeEditor'] });
    expect((await t.call('get-me', { token: id === 'rep-ana' ? ana : ben })).body.grantedCapabilities).toEqual(['knowledgeEditor']);
  };
  const suggest = async (body: object, token = ana) => {
    const answer = await t.call('suggest-articles', { token, body });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('is written by admins and knowledge editors only, and editors change any article', async () => {
    for (const token of [ana, boss]) {
      const refused = await article({}, token);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'KNOWLEDGE.EDITOR_REQUIRED', message: expect.stringContaining('knowledge editor') });
    }
    await makeEditor('rep-ana');
    await makeEditor('rep-ben');
    const made = await article({}, ana);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'draft', ownerId: 'rep-ana', tags: [], productIds: [] });
    // Ben, an editor too, changes Ana's article; Morgan, a manager but no editor, cannot.
    expect((await change(made.body.id, { status: 'published' }, ben)).status).toBe(200);
    expect((await change(made.body.id, { title: 'Blank pages' }, boss)).body.error.code).toBe('KNOWLEDGE.EDITOR_REQUIRED');
    // Everyone reads it.
    expect((await t.call('get-article', { token: boss, params: { id: made.body.id } })).body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
  });

  it('keeps translations together, each in another language', async () => {
    const english = (await article({ status: 'published' })).body;
    const spanish = await article({ title: 'La impresora imprime páginas en blanco', language: 'es', translationOf: english.id, status: 'published' });
    expect(spanish.status).toBe(201);
    expect(spanish.body.translationGroup).toBe(english.id);
    // A translation of the translation joins the same group.
    const portuguese = (await article({ title: 'A impressora imprime páginas em branco', language: 'pt', translationOf: spanish.body.id, status: 'published' })).body;
    expect(portuguese.translationGroup).toBe(english.id);
    const same = await article({ title: 'Blank pages again', translationOf: english.id });
    expect(same.status).toBe(400);
    expect(same.body.error.code).toBe('ARTICLE.TRANSLATION_LANGUAGE');
    expect((await change(english.id, { translationOf: portuguese.id })).body.error.code).toBe('ARTICLE.TRANSLATION_LANGUAGE');

    // A Spanish-speaking customer is shown the Spanish one, with the other languages offered.
    const company = await create(t, 'company', { name: 'Contoso Iberia' }, ana);
    const lucia = await create(t, 'contact', { firstName: 'Lucía', lastName: 'Gómez', emails: ['lucia@contoso.example'], companyId: company.id, language: 'es' }, ana);
    const answer = await suggest({ subject: 'Printer prints blank pages', text: 'All pages come out blank', contactId: lucia.id });
    expect(answer.language).toBe('es');
    expect(answer.suggestions).toHaveLength(1);
    expect(answer.suggestions[0].article.id).toBe(spanish.body.id);
    expect(answer.suggestions[0].translations.map((translation: { language: string }) => translation.language).sort()).toEqual(['en', 'pt']);

    // An article's view finds its other languages: the group's first article, and the list filtered by the group.
    const group = await t.call('list-articles', { token: ana, query: { translationGroup: english.id } });
    expect(group.status).toBe(200);
    expect(group.body.items.map((item: { language: string }) => item.language).sort()).toEqual(['es', 'pt']);
    expect((await t.call('list-articles', { token: ana, query: { translationGroup: spanish.body.id } })).body.items).toEqual([]);
  });

  it('suggests published articles only, and follows them as they are published, changed and archived', async () => {
    const draft = (await article({ title: 'Clearing a paper jam', body: 'Open the rear door and pull the jammed sheet out.' })).body;
    expect((await suggest({ subject: 'Paper jam', text: 'The printer keeps jamming' })).suggestions).toEqual([]);
    expect((await change(draft.id, { status: 'published' })).status).toBe(200);
    expect((await suggest({ subject: 'Paper jam', text: 'The printer keeps jamming' })).suggestions.map((found: { article: { id: string } }) => found.article.id)).toEqual([draft.id]);
    // Its words change: the old ones no longer find it, the new ones do.
    expect((await change(draft.id, { title: 'Feeding envelopes', body: 'Use the manual feed slot for envelopes.' })).status).toBe(200);
    expect((await suggest({ subject: 'Paper jam', text: 'jamming' })).suggestions).toEqual([]);
    expect((await suggest({ subject: 'How do I print envelopes?' })).suggestions).toHaveLength(1);
    expect((await change(draft.id, { status: 'archived' })).status).toBe(200);
    expect((await suggest({ subject: 'How do I print envelopes?' })).suggestions).toEqual([]);
    // Searched by words too, accents or not.
    await article({ title: 'Impressão sai em branco', language: 'pt', status: 'published' });
    const searched = await t.call('search-articles', { token: ana, query: { q: 'impressao' } });
    expect(searched.body.articles.map((found: { title: string }) => found.title)).toEqual(['Impressão sai em branco']);
  });

  it("puts the articles about the customer's products, or the case's, first", async () => {
    const laser = await create(t, 'product', { name: 'Laser 400', unitPrice: 300, currency: 'EUR' }, admin);
    const inkjet = await create(t, 'product', { name: 'Inkjet 20', unitPrice: 90, currency: 'EUR' }, admin);
    const forLaser = (await article({ title: 'Blank pages on the printer', productIds: [laser.id], status: 'published' })).body;
    const forInkjet = (await article({ title: 'Blank pages on the printer', productIds: [inkjet.id], status: 'published' })).body;
    const company = await create(t, 'company', { name: 'Fabrikam' }, ana);
    const joan = await create(t, 'contact', { firstName: 'Joan', lastName: 'Miller', emails: ['joan@fabrikam.example'], companyId: company.id }, ana);
    await create(t, 'deal', { name: 'Inkjets', stage: 'proposal', currency: 'EUR', companyId: company.id, contactIds: [joan.id], lineItems: [{ productId: inkjet.id, quantity: 3 }] }, ana);
    const first = (answer: { suggestions: { article: { id: string }; forTheirProducts: boolean }[] }) => answer.suggestions[0];
    expect(first(await suggest({ subject: 'Blank pages', contactId: joan.id }))).toMatchObject({ article: { id: forInkjet.id }, forTheirProducts: true });
    // A case about the laser printer: its product, and its subject when the rep sends no text.
    const item = await create(t, 'case', { subject: 'Printer gives blank pages', productId: laser.id, companyId: company.id }, ana);
    expect(first(await suggest({ caseId: item.id }))).toMatchObject({ article: { id: forLaser.id }, forTheirProducts: true });
  });

  it('records which articles answered a case, each once', async () => {
    const answer = (await article({ status: 'published' })).body;
    const item = await create(t, 'case', { subject: 'Blank pages' }, ana);
    const answered = () => t.call('answered-case', { token: ana, params: { id: item.id }, body: { articleId: answer.id } });
    expect((await answered()).body.answeredWith).toEqual([{ articleId: answer.id, at: expect.any(String), by: 'rep-ana' }]);
    const again = await answered();
    expect(again.body.answeredWith).toHaveLength(1);
    expect(again.body.version).toBe(2);
    const unknown = await t.call('answered-case', { token: ana, params: { id: item.id }, body: { articleId: 'no-such-article' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('RECORD.REFERENCE_NOT_FOUND');
    // The articles that answered the most cases, by their titles.
    const other = (await article({ title: 'Clearing a paper jam', status: 'published' })).body;
    const second = await create(t, 'case', { subject: 'Blank pages again' }, ana);
    await t.call('answered-case', { token: ana, params: { id: second.id }, body: { articleId: answer.id } });
    await t.call('answered-case', { token: ana, params: { id: second.id }, body: { articleId: other.id } });
    // A translation's answers count with the article it translates, under the first article's title.
    const spanish = (await article({ title: 'Atasco de papel', language: 'es', status: 'published', translationOf: other.id })).body;
    const third = await create(t, 'case', { subject: 'Papel atascado' }, ana);
    await t.call('answered-case', { token: ana, params: { id: third.id }, body: { articleId: spanish.id } });
    const year = new Date().getUTCFullYear();
    const report = await t.call('report', { token: boss, params: { report: 'articles-answering-cases' }, query: { from: `${year - 1}-01`, to: `${year}-12` } });
    expect(report.body.rows).toEqual([
      { key: other.id, label: 'Clearing a paper jam', values: { cases: 2 } },
      { key: answer.id, label: 'The printer prints blank pages', values: { cases: 2 } },
    ]);
  });
  it('is internal unless made public; published and public, it gets the key of its page, kept when it goes internal', async () => {
    const made = (await article({})).body;
    expect(made).toMatchObject({ visibility: 'internal' });
    expect(made.publicKey).toBeUndefined();
    // Public but a draft: no page yet.
    expect((await change(made.id, { visibility: 'public' })).body.publicKey).toBeUndefined();
    const published = (await change(made.id, { status: 'published' })).body;
    expect(published.publicKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const page = await t.call('public-article-page', { token: null, params: { key: published.publicKey }, headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p>Seat the <strong>toner</strong> cartridge.</p>');
    const internal = (await change(made.id, { visibility: 'internal' })).body;
    expect(internal.publicKey).toBe(published.publicKey);
    expect((await t.call('public-article-page', { token: null, params: { key: published.publicKey }, headers: { accept: 'application/json' } })).status).toBe(410);
    // Who made it public is in its history, as every change.
    const history = (await t.call('article-history', { token: ana, params: { id: made.id } })).body.items;
    const changed = history.slice(0, 3).map((entry: { changes: { field: string }[] }) => entry.changes.map((one) => one.field).sort());
    expect(changed).toEqual([['visibility'], ['publicKey', 'publishedAt', 'status'], ['visibility']]);
  });

  it("turns a case into a draft article: its subject, question and answer, its product, in its customer's language", async () => {
    const laser = await create(t, 'product', { name: 'Laser 400', unitPrice: 300, currency: 'EUR' }, admin);
    const company = await create(t, 'company', { name: 'Fabrikam Brasil', address: { country: 'Brazil' } }, ana);
    const joao = await create(t, 'contact', { firstName: 'João', lastName: 'Silva', emails: ['joao@fabrikam.example'], companyId: company.id }, ana);
    const item = await create(t, 'case', { subject: 'RE: Impressora imprime páginas em branco', description: 'Todas as páginas saem em branco.', productId: laser.id, contactId: joao.id, companyId: company.id }, ana);
    const answer = (await article({ status: 'published', body: 'Seat the **toner** cartridge.' })).body;
    await t.call('answered-case', { token: ana, params: { id: item.id }, body: { articleId: answer.id } });
    const draft = (body: object, token: string, key = `draft-${Math.random()}`) => t.call('case-draft-article', { token, params: { id: item.id }, body, headers: { 'idempotency-key': key } });

    // Ana is no knowledge editor yet.
    expect((await draft({}, ana)).body.error.code).toBe('KNOWLEDGE.EDITOR_REQUIRED');
    await makeEditor('rep-ana');
    const made = await draft({}, ana, 'close-case-1');
    expect(made.status).toBe(201);
    // The customer reads Portuguese (their company's country): the headings are in it; the reply is the article's text.
    expect(made.body).toMatchObject({
      title: 'Impressora imprime páginas em branco',
      body: '## Pergunta\n\nTodas as páginas saem em branco.\n\n## Resposta\n\nSeat the **toner** cartridge.',
      language: 'pt',
      status: 'draft',
      visibility: 'internal',
      productIds: [laser.id],
      ownerId: 'rep-ana',
    });
    expect(made.headers.get('location')).toBe(`/api/articles/${made.body.id}`);
    // A retry answers the first draft; the key with another body is refused.
    const retry = await draft({}, ana, 'close-case-1');
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.body.id]).toEqual([201, 'true', made.body.id]);
    expect((await draft({ reply: 'Another answer' }, ana, 'close-case-1')).body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    // The rep's own reply instead of the article's; the contact's own language first.
    await t.call('update-contact', { token: ana, params: { id: joao.id }, body: { language: 'es' }, headers: { 'if-match': `"${joao.version}"` } });
    const own = await draft({ reply: '  Cambia el cartucho de tóner.  ' }, ana);
    expect(own.body).toMatchObject({ language: 'es', body: '## Pregunta\n\nTodas as páginas saem em branco.\n\n## Respuesta\n\nCambia el cartucho de tóner.' });
    const drafts = (await t.call('list-articles', { token: ana, query: { ownerId: 'rep-ana' } })).body.items;
    expect(drafts).toHaveLength(2);
    // A case with nothing but its subject, of a tenant's other member: the editor's own language, a title, no text.
    const bare = await create(t, 'case', { subject: 'Fwd: Paper jam' }, ben);
    const plain = await t.call('case-draft-article', { token: admin, params: { id: bare.id }, body: {} });
    expect(plain.body).toMatchObject({ title: 'Paper jam', body: '', language: 'en', productIds: [] });
    expect((await t.call('case-draft-article', { token: admin, params: { id: 'no-such-case' }, body: {} })).status).toBe(404);
  });
});
