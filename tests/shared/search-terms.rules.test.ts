import { foldText, parseSearchQuery, searchTermsOf, termsMatch } from '@rapport/shared';

const contactTerms = searchTermsOf({
  names: ['José', 'Martínez'],
  emails: ['jose.martinez@fabrikam.es'],
  phones: ['+34 912 345 678'],
  customerNumber: 'CUST-00123',
});

const matches = (text: string) => {
  const query = parseSearchQuery(text);
  return query !== null && termsMatch(contactTerms, query);
};

describe('search terms', () => {
  it('folds accents and case', () => {
    expect(foldText('Martínez MÜLLER')).toBe('martinez muller');
  });

  it.each(['jose', 'Martinez', 'mart', 'José Martínez', 'martinez jose', 'jose.martinez@fabrikam.es', 'fabrikam'])('finds the contact by %p', (text) => {
    expect(matches(text)).toBe(true);
  });

  it.each(['+34 912 345 678', '912 345 678', '912345678', '0034912345678'])('finds the contact by the phone written as %p', (text) => {
    expect(matches(text)).toBe(true);
  });

  it.each(['CUST-00123', 'cust00123', 'cust 00123', '00123'])('finds the contact by the customer number written as %p', (text) => {
    expect(matches(text)).toBe(true);
  });

  it.each(['garcia', 'jose garcia', '912 345 679', 'cust-00124'])('does not find the contact by %p', (text) => {
    expect(matches(text)).toBe(false);
  });

  describe('a case number', () => {
    const caseTerms = searchTermsOf({ names: ['Printer jams'], number: 1042 });
    const findsCase = (text: string) => {
      const query = parseSearchQuery(text);
      return query !== null && termsMatch(caseTerms, query);
    };

    it.each(['1042', '#1042', '# 1042', 'no. 1042', 'Nº 1042', '01042'])('finds case 1042 by %p', (text) => {
      expect(findsCase(text)).toBe(true);
    });

    it.each(['104', '10420', '#104', '2'])('matches the number whole: not by %p', (text) => {
      expect(findsCase(text)).toBe(false);
    });

    it('finds case 7 by one digit, though one digit is no word to search by', () => {
      const seven = searchTermsOf({ names: ['Broken hinge'], number: 7 });
      expect(termsMatch(seven, parseSearchQuery('#7')!)).toBe(true);
      expect(termsMatch(contactTerms, parseSearchQuery('7')!)).toBe(false);
    });

    it('is a number only when typed alone, and finds no other record', () => {
      expect(termsMatch(caseTerms, parseSearchQuery('1042 printer')!)).toBe(false);
      expect(matches('#1042')).toBe(false);
    });
  });

  it('ignores a query too short to mean anything', () => {
    expect(parseSearchQuery(' ')).toBeNull();
    expect(parseSearchQuery('j')).toBeNull();
  });
});
