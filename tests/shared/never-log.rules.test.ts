import {
  MAX_NEVER_LOG_ENTRIES,
  companyLinkableDomain,
  isDomainEntry,
  neverLogEntryFor,
  neverLogMatcher,
  normalizeNeverLogEntry,
  normalizeNeverLogList,
} from '@rapport/shared';

describe('normalizeNeverLogEntry', () => {
  it.each([
    ['@gmail.com', 'gmail.com'],
    ['gmail.com', 'gmail.com'],
    ['  Gmail.COM ', 'gmail.com'],
    ['https://www.contoso.com/', 'contoso.com'],
    ['http://mail.contoso.com/about?x=1', 'mail.contoso.com'],
    ['John <John@X.com>', 'john@x.com'],
    ['"Doe, John" <john.doe@contoso.com>', 'john.doe@contoso.com'],
    ['mailto:Mary@Example.org', 'mary@example.org'],
    ['jane@example.org', 'jane@example.org'],
  ])('reads %s as %s', (typed, entry) => {
    expect(normalizeNeverLogEntry(typed)).toBe(entry);
  });

  it.each([[''], ['   '], ['gmail'], ['john@'], ['@'], ['not an address'], ['a@b.com, c@d.com'], ['john@@x.com']])('refuses %j', (typed) => {
    expect(normalizeNeverLogEntry(typed)).toBeNull();
  });

  it('refuses an entry longer than an address may be', () => {
    const label = 'a'.repeat(60);
    const long = `${[label, label, label, label, label].join('.')}.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(normalizeNeverLogEntry(long)).toBeNull();
    expect(normalizeNeverLogEntry(`x@${'b'.repeat(330)}.com`)).toBeNull();
  });

  it('tells a domain from an address', () => {
    expect(isDomainEntry('gmail.com')).toBe(true);
    expect(isDomainEntry('john@gmail.com')).toBe(false);
  });
});

describe('normalizeNeverLogList', () => {
  it('normalizes, keeps the first of duplicates and the order given', () => {
    expect(normalizeNeverLogList(['@Gmail.com', 'Bob <bob@x.com>', 'gmail.com', 'BOB@x.com', 'https://www.y.org'])).toEqual({
      entries: ['gmail.com', 'bob@x.com', 'y.org'],
    });
  });

  it('names the first entry that is neither an address nor a domain', () => {
    expect(normalizeNeverLogList(['gmail.com', 'oops', 'also bad'])).toEqual({ problem: 'invalid-entry', index: 1, typed: 'oops' });
  });

  it(`holds ${MAX_NEVER_LOG_ENTRIES} entries, counted after duplicates go`, () => {
    const full = Array.from({ length: MAX_NEVER_LOG_ENTRIES }, (_, n) => `person${n}@example.com`);
    expect(normalizeNeverLogList([...full, 'PERSON0@example.com'])).toEqual({ entries: full });
    expect(normalizeNeverLogList([...full, 'one-more@example.com'])).toEqual({ problem: 'too-many', count: MAX_NEVER_LOG_ENTRIES + 1 });
  });
});

describe('neverLogMatcher', () => {
  const matcher = neverLogMatcher({ tenant: ['partner.example', 'ceo@rival.example'], mine: ['gmail.com', 'mum@home.example', 'partner.example'] });

  it('finds an address named on a list', () => {
    expect(matcher('ceo@rival.example')).toBe('tenant');
    expect(matcher('mum@home.example')).toBe('mine');
    expect(matcher('dad@home.example')).toBeNull();
  });

  it('finds everyone at a domain and its subdomains, not at a domain that merely ends alike', () => {
    expect(matcher('anyone@gmail.com')).toBe('mine');
    expect(matcher('someone@eu.mail.partner.example')).toBe('tenant');
    expect(matcher('someone@notpartner.example')).toBeNull();
    expect(matcher('someone@gmail.com.br')).toBeNull();
  });

  it('says the tenant’s list when both lists name the address', () => {
    expect(matcher('bob@partner.example')).toBe('tenant');
  });

  it('reads the address in any case', () => {
    expect(matcher('Anyone@GMAIL.com')).toBe('mine');
  });

  it('matches nothing with empty lists', () => {
    expect(neverLogMatcher({ tenant: [], mine: [] })('a@b.com')).toBeNull();
  });
});

describe('neverLogEntryFor', () => {
  it('names the entry that covers an address: itself first, else the closest domain', () => {
    const entries = ['contoso.com', 'mail.contoso.com', 'ceo@mail.contoso.com'];
    expect(neverLogEntryFor(entries, 'ceo@mail.contoso.com')).toBe('ceo@mail.contoso.com');
    expect(neverLogEntryFor(entries, 'cfo@eu.mail.contoso.com')).toBe('mail.contoso.com');
    expect(neverLogEntryFor(new Set(entries), 'buyer@contoso.com')).toBe('contoso.com');
    expect(neverLogEntryFor(entries, 'buyer@fabrikam.com')).toBeNull();
  });
});

describe('companyLinkableDomain', () => {
  const own = ['rapport-demo.com'];

  it('links a customer’s domain', () => {
    expect(companyLinkableDomain('contoso.com', own)).toBe(true);
    expect(companyLinkableDomain('mail.contoso.com', own)).toBe(true);
  });

  it('never links a free-mail domain', () => {
    expect(companyLinkableDomain('gmail.com', own)).toBe(false);
    expect(companyLinkableDomain('Hotmail.co.uk', own)).toBe(false);
    expect(companyLinkableDomain('outlook.com.br', [])).toBe(false);
  });

  it('never links the tenant’s own domains or their subdomains', () => {
    expect(companyLinkableDomain('rapport-demo.com', own)).toBe(false);
    expect(companyLinkableDomain('eu.rapport-demo.com', own)).toBe(false);
    expect(companyLinkableDomain('rapport-demo.com', [])).toBe(true);
  });
});
