import { apiContract } from '@rapport/shared';
import { createTestApp, create, TENANT_A, USER_A, type TestApp } from './test-app';

let t: TestApp;
let contactId: string;
// An admin, so that every route reaches its body and query parsing rather than stopping at a role check.
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.token(TENANT_A, USER_A, ['admin']);
  contactId = (await create(t, 'contact', { lastName: 'Doe' })).id;
});
const tally = { requests: 0, ok: 0, clientErrors: new Map<number, number>(), serverErrors: 0 };
function count(status: number): void {
  tally.requests++;
  if (status < 400) tally.ok++;
  else if (status < 500) tally.clientErrors.set(status, (tally.clientErrors.get(status) ?? 0) + 1);
  else tally.serverErrors++;
}
afterAll(async () => {
  await t.close();
  const statuses = [...tally.clientErrors.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(', ');
  process.stdout.write(
    `Hostile input: ${tally.requests} requests to ${routesWithBody.length} routes with a body and ${routesWithQuery.length} with a query; ${tally.ok} answered 2xx, ${tally.requests - tally.ok - tally.serverErrors} a clear 4xx (${statuses}), ${tally.serverErrors} a 5xx.\n`,
  );
});

let deep: unknown = 'bottom';
for (let i = 0; i < 2_000; i++) deep = { nested: deep };

const hostileBodies: [string, unknown][] = [
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"text"'],
  ['a number', '42'],
  ['deep nesting', JSON.stringify(deep)],
  ['a huge array', JSON.stringify({ emails: Array.from({ length: 20_000 }, () => 'a@b.co'), lastName: 'x', name: 'x' })],
  ['a huge string', JSON.stringify({ lastName: 'x'.repeat(500_000), name: 'x'.repeat(500_000), subject: 'x'.repeat(500_000) })],
  ['wrong types', JSON.stringify({ lastName: 12, name: true, emails: 'a@b.co', stage: [], kind: {}, at: 'yesterday' })],
  ['prototype keys', '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'],
  ['script and SQL text', JSON.stringify({ lastName: "<script>alert(1)</script>'; DROP TABLE records; --", name: 'Robert"); --' })],
  ['unicode edge cases', JSON.stringify({ lastName: '\u0000\uffff\ud800 \u202e\u200b😀', name: '\ud83d' })],
];

const routesWithBody = apiContract.filter((route) => route.body);
const routesWithQuery = apiContract.filter((route) => route.query);

describe.each(routesWithBody.map((route) => [route.name, route] as const))('%s with a hostile body', (name, route) => {
  it.each(hostileBodies)('answers %s with a 2xx or a clear 4xx, never a 5xx', async (_, body) => {
    const response = await t.call(name, { token: admin, body, params: { id: contactId }, headers: route.ifMatch ? { 'if-match': '"1"' } : {} });
    count(response.status);
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) {
      expect(response.body.error.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
      expect(response.body.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe.each(routesWithQuery.map((route) => [route.name] as const))('%s with a hostile query', (name) => {
  it.each([
    ['a negative limit', { limit: '-1' }],
    ['a huge limit', { limit: '1e9' }],
    ['a non-numeric limit', { limit: 'all' }],
    ['a forged cursor', { cursor: 'eyJub3QiOiJ0aGlzIn0' }],
    ['an unknown parameter', { admin: 'true' }],
    ['a very long search', { q: 'x'.repeat(5_000) }],
  ])('answers %s with a 2xx or a clear 4xx', async (_, query) => {
    const response = await t.call(name, { token: admin, query: { q: 'doe', ...query }, params: { id: contactId } });
    count(response.status);
    expect(response.status).toBeLessThan(500);
    if (response.status >= 400) expect(response.body.error.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
  });
});

it('stores script and SQL-looking text as plain text and returns it unchanged', async () => {
  const text = "<img src=x onerror=alert(1)> '; DROP TABLE records; --";
  const contact = await create(t, 'contact', { lastName: text });
  expect((await t.call('get-contact', { params: { id: contact.id } })).body.lastName).toBe(text);
});

it('stores unicode edge cases (NUL, a lone surrogate, right-to-left override, zero-width space, emoji) as given', async () => {
  const text = 'A\u0000B\ud800C\u202eD\u200bE😀F\uffff';
  const contact = await create(t, 'contact', { lastName: text, firstName: 'Zoë' });
  count(201);
  const read = await t.call('get-contact', { params: { id: contact.id } });
  expect(read.body).toMatchObject({ lastName: text, firstName: 'Zoë' });
  const found = await t.call('search', { query: { q: 'Zoë' } });
  expect(found.body.contacts.map((match: { contact: { id: string } }) => match.contact.id)).toContain(contact.id);
});
