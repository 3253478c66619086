import {
  domainCandidates,
  isFreeMailDomain,
  normalizeDomain,
  normalizeEmail,
  parseAddressList,
  splitDisplayName,
} from '@rapport/shared';

describe('normalizeEmail', () => {
  it.each([
    ['John.Doe@Contoso.COM', 'john.doe@contoso.com'],
    ['  jane@fabrikam.com \t', 'jane@fabrikam.com'],
    ['<jane@fabrikam.com>', 'jane@fabrikam.com'],
    ['mailto:Jane@Fabrikam.com', 'jane@fabrikam.com'],
    ["o'brien+crm@mail.contoso.co.uk", "o'brien+crm@mail.contoso.co.uk"],
    ['maría@empresa.es'.normalize(), null],
  ])('normalizes %p to %p', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each(['', 'john', 'john@', '@contoso.com', 'john@contoso', 'a@b@contoso.com', 'john..doe@contoso.com', '.john@contoso.com', `${'a'.repeat(65)}@contoso.com`, 'john doe@contoso.com'])(
    'refuses %p',
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );

  it('accepts an international domain', () => {
    expect(normalizeEmail('Info@Müller.DE')).toBe('info@müller.de');
  });
});

describe('parseAddressList', () => {
  it('reads a quoted display name with a comma', () => {
    expect(parseAddressList('"Doe, John" <John.Doe@Contoso.COM>')).toEqual([{ name: 'Doe, John', email: 'john.doe@contoso.com' }]);
  });

  it('splits several addresses separated by commas and semicolons', () => {
    expect(parseAddressList('"Doe, John" <john@contoso.com>, jane@fabrikam.com; Bob Smith <BOB@litware.com>')).toEqual([
      { name: 'Doe, John', email: 'john@contoso.com' },
      { name: null, email: 'jane@fabrikam.com' },
      { name: 'Bob Smith', email: 'bob@litware.com' },
    ]);
  });

  it('takes the name from a comment after a bare address', () => {
    expect(parseAddressList('eve@contoso.com (Eve Adams)')).toEqual([{ name: 'Eve Adams', email: 'eve@contoso.com' }]);
  });

  it('unescapes quotes inside a quoted name', () => {
    expect(parseAddressList('"The \\"Boss\\"" <boss@contoso.com>')).toEqual([{ name: 'The "Boss"', email: 'boss@contoso.com' }]);
  });

  it('folds whitespace in names and ignores empty parts', () => {
    expect(parseAddressList('  Ana   Costa\n <ana@proseware.pt> ,, ;')).toEqual([{ name: 'Ana Costa', email: 'ana@proseware.pt' }]);
  });

  it('skips what is not an address', () => {
    expect(parseAddressList('undisclosed-recipients:;, not an address, <>, real@contoso.com')).toEqual([
      { name: null, email: 'real@contoso.com' },
    ]);
  });
});

describe('domains', () => {
  it.each([
    ['https://www.Contoso.com/about', 'contoso.com'],
    ['@fabrikam.co.uk', 'fabrikam.co.uk'],
    ['litware.com.', 'litware.com'],
    ['localhost', null],
    ['not a domain', null],
  ])('normalizes the company domain %p to %p', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it('lists the parent domains of a sender, most specific first', () => {
    expect(domainCandidates('eu.mail.contoso.com')).toEqual(['eu.mail.contoso.com', 'mail.contoso.com', 'contoso.com']);
    expect(domainCandidates('contoso.com')).toEqual(['contoso.com']);
  });

  it('knows free-mail providers, whatever the case', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('Hotmail.IT')).toBe(true);
    expect(isFreeMailDomain('uol.com.br')).toBe(true);
    expect(isFreeMailDomain('contoso.com')).toBe(false);
  });
});

describe('splitDisplayName', () => {
  it.each([
    ['Doe, John', { firstName: 'John', lastName: 'Doe' }],
    ['John Doe', { firstName: 'John', lastName: 'Doe' }],
    ['Maria de la Cruz', { firstName: 'Maria de la', lastName: 'Cruz' }],
    ['Madonna', { lastName: 'Madonna' }],
  ])('splits %p', (input, expected) => {
    expect(splitDisplayName(input)).toEqual(expected);
  });
});
