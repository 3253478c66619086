import { RateLimiter } from '../../functions/src/http/rate-limit';
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
