import { sampleArticles, sampleEmails } from './knowledge-samples';
import { TENANT_A, createTestApp, testStores, type TestApp } from './test-app';

// The issue's bar for suggestions: of 20 customers' e-mails written with the article that answers each, the right
// article is suggested first for at least 18, and among the first three for all 20, on both stores.
describe.each(testStores)('knowledge suggestions ranked on %s', (store) => {
  let t: TestApp;
  let admin: string;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'admin-1', ['admin']);
    for (const article of sampleArticles) {
      const { key, ...input } = article;
      const made = await t.call('create-article', { token: admin, body: { ...input, status: 'published' } });
      expect(made.status).toBe(201);
      idOf.set(made.body.id, key);
    }
  });
  afterAll(() => t.close());

  it('suggests the right article first for at least 18 of 20 e-mails, and among the first three for all', async () => {
    const places: { answer: string; place: number; first: string | undefined }[] = [];
    for (const email of sampleEmails) {
      const answer = await t.call('suggest-articles', { token: admin, body: { subject: email.subject, text: email.text, limit: 3 } });
      expect(answer.status).toBe(200);
      const keys = answer.body.suggestions.map((suggestion: { article: { id: string } }) => idOf.get(suggestion.article.id));
      places.push({ answer: email.answer, place: keys.indexOf(email.answer) + 1, first: keys[0] });
    }
    const first = places.filter((entry) => entry.place === 1).length;
    const misses = places.filter((entry) => entry.place !== 1);
    process.stdout.write(`Knowledge ranking on ${store}: first for ${first} of ${places.length}; not first: ${JSON.stringify(misses)}\n`);
    expect(first).toBeGreaterThanOrEqual(18);
    expect(places.filter((entry) => entry.place === 0)).toEqual([]);
  });
});
