import { createTestApp, TENANT_A, TENANT_B, type TestApp, testStores } from './test-app';

describe.each(testStores)("the tenant's settings on %s", (store) => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp({ store });
    admin = await t.token(TENANT_A, 'the-admin', ['admin']);
  });
  afterEach(async () => {
    await t.close();
  });

  const change = (body: unknown, version: string, token = admin) => t.call('update-settings', { token, body, headers: { 'if-match': version } });
  const usd = { currency: 'USD', month: '2026-10', rate: '0.92' };

  it('starts every tenant in USD without rates, and lets an admin set the reporting currency and rates', async () => {
    const initial = await t.call('get-settings');
    expect(initial.body).toEqual({ reportingCurrency: 'USD', exchangeRates: [], ownDomains: [], staleDealDays: 14, neverLog: [], documentLimits: { maxFileMb: 25, maxMessageMb: 50 }, goalBands: { warningBelow: 70, successFrom: 100 }, quotes: { taxRates: [], validityDays: 30, language: 'en' }, contractRenewalDays: 60, serviceLevel: { responseHours: 8, resolutionHours: 72 }, surveys: { csatOnClose: false, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14 }, version: 0 });
    expect(initial.headers.get('etag')).toBe('"0"');
    const saved = await change({ reportingCurrency: 'EUR', exchangeRates: [usd] }, '"0"');
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ reportingCurrency: 'EUR', exchangeRates: [usd], ownDomains: [], staleDealDays: 14, neverLog: [], documentLimits: { maxFileMb: 25, maxMessageMb: 50 }, goalBands: { warningBelow: 70, successFrom: 100 }, quotes: { taxRates: [], validityDays: 30, language: 'en' }, contractRenewalDays: 60, serviceLevel: { responseHours: 8, resolutionHours: 72 }, surveys: { csatOnClose: false, contactPeriodDays: 30, npsPeriodDays: 90, validDays: 14 }, version: 1 });
    // Everyone reads them; another tenant keeps its own.
    expect((await t.call('get-settings')).body.reportingCurrency).toBe('EUR');
    expect((await t.call('get-settings', { token: await t.token(TENANT_B) })).body.version).toBe(0);
    // Every change is in the audit trail.
    const history = await t.app.store.history('settings', TENANT_A, 'tenant', { limit: 10 });
    expect(history.items.map((entry) => entry.version)).toEqual([1]);
  });

  it("lets managers set the colours of goals' pace (and nothing else), at the version they read", async () => {
    const manager = await t.token(TENANT_A, 'the-manager', ['manager']);
    const bands = (body: unknown, version: string, token = manager) => t.call('update-goal-bands', { token, body, headers: { 'if-match': version } });
    const saved = await bands({ warningBelow: 50, successFrom: 90 }, '"0"');
    expect([saved.status, saved.body.goalBands, saved.body.version]).toEqual([200, { warningBelow: 50, successFrom: 90 }, 1]);
    const stale = await bands({ warningBelow: 60, successFrom: 95 }, '"0"');
    expect([stale.status, stale.body.error.code]).toEqual([412, 'RECORD.STALE_VERSION']);
    const backwards = await bands({ warningBelow: 90, successFrom: 80 }, '"1"');
    expect([backwards.status, backwards.body.error.details.fields[0].path]).toEqual([400, 'successFrom']);
    const rep = await bands({ warningBelow: 10, successFrom: 20 }, '"1"', await t.token(TENANT_A, 'a-rep', ['rep']));
    expect([rep.status, rep.body.error.code]).toEqual([403, 'AUTH.ROLE_REQUIRED']);
    // A manager cannot change the rest of the settings through it.
    expect((await bands({ warningBelow: 10, successFrom: 20, reportingCurrency: 'EUR' }, '"1"')).status).toBe(400);
    expect((await change({ goalBands: { warningBelow: 40, successFrom: 100 } }, '"1"', manager)).status).toBe(403);
    expect((await t.call('get-settings')).body).toMatchObject({ reportingCurrency: 'USD', goalBands: { warningBelow: 50, successFrom: 90 } });
  });

  it('refuses a stale version, and leaves the settings as they were', async () => {
    expect((await change({ reportingCurrency: 'EUR' }, '"0"')).status).toBe(200);
    const stale = await change({ reportingCurrency: 'GBP' }, '"0"');
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('RECORD.STALE_VERSION');
    expect((await t.call('get-settings')).body.reportingCurrency).toBe('EUR');
    expect((await t.call('update-settings', { token: admin, body: { reportingCurrency: 'GBP' } })).status).toBe(428);
  });

  it('refuses rates that are malformed, twice for a month, or for the reporting currency itself, naming the rate', async () => {
    const malformed = await change({ exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0,92' }] }, '"0"');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error.details)).toContain('exchangeRates.0.rate');
    expect((await change({ exchangeRates: [{ ...usd, rate: '0' }] }, '"0"')).status).toBe(400);
    expect((await change({ exchangeRates: [{ ...usd, month: '2026-13' }] }, '"0"')).status).toBe(400);
    const twice = await change({ exchangeRates: [usd, { ...usd, rate: '0.93' }] }, '"0"');
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('USD has two rates for 2026-10');
    const itself = await change({ reportingCurrency: 'EUR', exchangeRates: [{ ...usd, currency: 'EUR' }] }, '"0"');
    expect(itself.status).toBe(400);
    // A new reporting currency that has a rate in the list is refused too, and nothing is kept.
    expect((await change({ exchangeRates: [usd] }, '"0"')).status).toBe(400);
    expect((await change({ reportingCurrency: 'EUR', exchangeRates: [usd] }, '"0"')).status).toBe(200);
    const clash = await change({ reportingCurrency: 'USD', exchangeRates: [usd] }, '"1"');
    expect(clash.status).toBe(400);
    expect(clash.body.error.code).toBe('REQUEST.VALIDATION_FAILED');
    expect((await t.call('get-settings')).body).toMatchObject({ reportingCurrency: 'EUR', version: 1 });
  });

  it('takes a new reporting currency only with rates given in it, and refuses an empty change', async () => {
    expect((await change({ reportingCurrency: 'EUR', exchangeRates: [usd] }, '"0"')).status).toBe(200);
    const alone = await change({ reportingCurrency: 'GBP' }, '"1"');
    expect(alone.status).toBe(400);
    expect(alone.body.error.code).toBe('SETTINGS.RATES_FOR_NEW_CURRENCY');
    const withRates = await change({ reportingCurrency: 'GBP', exchangeRates: [{ currency: 'USD', month: '2026-10', rate: '0.79' }] }, '"1"');
    expect(withRates.body).toMatchObject({ reportingCurrency: 'GBP', version: 2 });
    expect((await change({}, '"2"')).status).toBe(400);
    expect((await t.call('get-settings')).body.version).toBe(2);
  });

  it('lets only admins change them', async () => {
    const refused = await change({ reportingCurrency: 'EUR' }, '"0"', await t.token(TENANT_A, 'a-manager', ['manager']));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH.ROLE_REQUIRED');
  });

  it('keeps document limits an admin sets, and refuses a message limit below the file limit', async () => {
    const current = await t.call('get-settings');
    const refused = await change({ documentLimits: { maxFileMb: 30, maxMessageMb: 20 } }, `"${current.body.version}"`);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(refused.body.error.details.fields[0].path).toBe('documentLimits.maxMessageMb');
    const saved = await change({ documentLimits: { maxFileMb: 10, maxMessageMb: 20 } }, `"${current.body.version}"`);
    expect(saved.body.documentLimits).toEqual({ maxFileMb: 10, maxMessageMb: 20 });
  });

  it('keeps the quote settings an admin sets, refusing a logo that is not a PNG or JPEG data URL or is larger than a logo may be', async () => {
    const current = await t.call('get-settings');
    const png = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64')}`;
    const quotes = { sellerName: 'Rapport Demo Ltd', logo: png, taxRates: [{ name: 'VAT 20%', percent: 20 }], defaultTaxPercent: 20, validityDays: 45, acceptedStage: 'negotiation', language: 'es' };
    for (const [logo, path] of [
      ['data:image/svg+xml;base64,PHN2Zy8+', 'quotes.logo'],
      ['https://example.com/logo.png', 'quotes.logo'],
      [`data:image/png;base64,${'A'.repeat(140_000)}`, 'quotes.logo'],
    ] as const) {
      const refused = await change({ quotes: { ...quotes, logo } }, `"${current.body.version}"`);
      expect([refused.status, refused.body.error.code, refused.body.error.details.fields[0].path]).toEqual([400, 'REQUEST.VALIDATION_FAILED', path]);
    }
    const tooPrecise = await change({ quotes: { ...quotes, taxRates: [{ name: 'Odd', percent: 7.12345 }] } }, `"${current.body.version}"`);
    expect(tooPrecise.body.error.details.fields[0].path).toBe('quotes.taxRates.0.percent');
    const saved = await change({ quotes }, `"${current.body.version}"`);
    expect(saved.status).toBe(200);
    expect(saved.body.quotes).toEqual(quotes);
    // The other settings stay as they were.
    expect(saved.body.reportingCurrency).toBe(current.body.reportingCurrency);
  });
});
