import { isPhoneNumber, phoneQueryOf, phoneSearchKey, samePhoneNumber, significantPhoneDigits } from '@rapport/shared';

describe('phone numbers', () => {
  it('treats the three ways of writing a US number as one number', () => {
    expect(samePhoneNumber('+1 (425) 555-0100', '425.555.0100')).toBe(true);
    expect(samePhoneNumber('425.555.0100', '4255550100')).toBe(true);
    expect(samePhoneNumber('+1 (425) 555-0100', '4255550100')).toBe(true);
  });

  it('drops the bracketed trunk zero and the national trunk prefix', () => {
    expect(samePhoneNumber('+44 (0)20 7946 0958', '020 7946 0958')).toBe(true);
    expect(samePhoneNumber('0044 20 7946 0958', '020 7946 0958')).toBe(true);
  });

  it('keeps an Italian leading zero after the country code', () => {
    expect(samePhoneNumber('+39 06 1234 5678', '06 1234 5678')).toBe(true);
  });

  it('ignores extensions', () => {
    expect(significantPhoneDigits('+1 425 555 0100 ext. 42')).toBe('14255550100');
    expect(significantPhoneDigits('425-555-0100 x7')).toBe('4255550100');
  });

  it('tells different numbers apart', () => {
    expect(samePhoneNumber('+1 (425) 555-0100', '+1 (425) 555-0101')).toBe(false);
    expect(samePhoneNumber('+1 (425) 555-0100', '+1 (206) 555-0100')).toBe(false);
  });

  it.each(['12345', 'call me', '555-CALL-NOW', '+1 (425) 555-0100 and more', ''])('is not a phone number: %p', (text) => {
    expect(isPhoneNumber(text)).toBe(false);
  });

  it('stores the reversed significant digits so that "ends with" is a prefix search', () => {
    expect(phoneSearchKey('425.555.0100')).toBe('0010555524');
  });

  it('finds a stored number when the search adds a country code', () => {
    const stored = phoneSearchKey('425.555.0100');
    const query = phoneQueryOf('+1 (425) 555-0100');
    expect(query?.exact).toContain(stored);
  });
});
