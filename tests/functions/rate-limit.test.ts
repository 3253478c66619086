import { PublicPageLimits, RateLimiter, visitorOf } from '../../functions/src/http/rate-limit';
import { createTestApp, TENANT_A, type TestApp } from './test-app';

describe('write rate limits', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ env: { WRITE_LIMIT_PER_MINUTE: '5', TENANT_WRITE_LIMIT_PER_MINUTE: '8' } });
  });
  afterEach(async () => {
    await t.close();
  });

  const createContact = (n: number, token?: string) => t.call('create-contact', { body: { lastName: `Burst ${n}` }, ...(token ? { token } : {}) });

  it('answers a burst over the per-user limit with 429 and Retry-After, and stores nothing of the refused writes', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof createContact>> | undefined;
    for (let n = 1; n <= 7; n++) {
      const response = await createContact(n);
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect(refused?.body.error.code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await t.call('list-contacts')).body.items).toHaveLength(5);
    // Reads, and lookups (a POST that only reads), are not limited.
    expect((await t.call('list-contacts')).status).toBe(200);
    expect((await t.call('lookup', { body: { emails: ['x@contoso.com'] } })).status).toBe(200);
  });

  it("limits a tenant's writes as a whole, and leaves other tenants alone", async () => {
    const colleague = await t.token(TENANT_A, 'colleague', ['rep']);
    const statuses: number[] = [];
    for (let n = 1; n <= 5; n++) statuses.push((await createContact(n)).status);
    for (let n = 6; n <= 9; n++) statuses.push((await createContact(n, colleague)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
    expect((await createContact(10, await t.token('tenant-other', 'someone', ['rep']))).status).toBe(201);
  });
});

describe('the rate limiter', () => {
  it('refills evenly over its window', () => {
    let clock = 0;
    const limiter = new RateLimiter({ limit: 60, windowMs: 60_000, now: () => clock });
    for (let i = 0; i < 60; i++) expect(limiter.take('k')).toBeNull();
    expect(limiter.take('k')).toBe(1);
    clock += 1_000;
    expect(limiter.take('k')).toBeNull();
    expect(limiter.take('k')).toBe(1);
    clock += 30_000;
    for (let i = 0; i < 30; i++) expect(limiter.take('k')).toBeNull();
    expect(limiter.take('k')).not.toBeNull();
  });

  it('forgets the oldest keys beyond its bound, so memory stays flat', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) expect(limiter.take(key)).toBeNull();
    // 'a' was forgotten: it starts afresh. 'd' is remembered: it waits.
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('d')).not.toBeNull();
  });
});

describe('the visitor a public page limits by', () => {
  const from = (forwarded: string) => visitorOf({ headers: { get: (name: string) => (name === 'x-forwarded-for' ? forwarded : null) } });

  it("is the address the host's own proxy added last, without its port", () => {
    expect(from('198.51.100.1, 203.0.113.7:51234')).toBe('203.0.113.7');
    expect(from('203.0.113.7:1')).toBe(from('203.0.113.7:2'));
    expect(from('')).toBe('unknown');
  });

  it('groups an IPv6 address by its /64, written out or shortened, with or without a port', () => {
    expect(from('2001:db8:85a3:1:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:85a3:1::/64');
    expect(from('[2001:db8:85a3:1::9]:443')).toBe('2001:db8:85a3:1::/64');
    expect(from('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(from('2001:db8:85a3:2::1')).not.toBe(from('2001:db8:85a3:1::1'));
  });
});

describe('public page limits', () => {
  it('count a visitor across keys: guessing keys is as slow as using one', () => {
    let now = 0;
    const limits = new PublicPageLimits({ perVisitor: 3, perItem: 100 }, 'requests', () => now);
    for (const key of ['a', 'b', 'c']) limits.check(key, '203.0.113.7');
    expect(() => limits.check('d', '203.0.113.7')).toThrow(expect.objectContaining({ code: 'REQUEST.RATE_LIMITED' }));
    limits.check('d', '198.51.100.1');
    now = 60_000;
    limits.check('e', '203.0.113.7');
  });
});
