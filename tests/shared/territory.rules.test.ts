import { repForTurn, territoryFor } from '@rapport/shared';

const territory = (id: string, rules: Partial<Parameters<typeof territoryFor>[1][number]> = {}) => ({
  id,
  name: id,
  countries: [],
  regions: [],
  cities: [],
  postalCodePrefixes: [],
  ...rules,
});

describe('territory rules', () => {
  const iberia = territory('Iberia', { countries: ['Portugal', 'Spain'] });
  const lisbon = territory('Lisbon', { cities: ['Lisboa', 'Lisbon'] });
  const lisbonCentre = territory('Lisbon centre', { postalCodePrefixes: ['1100', '1200'] });
  const lisbonCentreWest = territory('Lisbon west', { postalCodePrefixes: ['12'] });
  const saoPaulo = territory('São Paulo', { regions: ['São Paulo'] });
  const all = [iberia, lisbon, lisbonCentre, lisbonCentreWest, saoPaulo];

  it('takes the most specific rule: postal code, then city, then region, then country', () => {
    expect(territoryFor({ country: 'Portugal', city: 'Lisboa', postalCode: '1200-195' }, all)?.id).toBe('Lisbon centre');
    expect(territoryFor({ country: 'Portugal', city: 'Lisboa', postalCode: '1500-001' }, all)?.id).toBe('Lisbon');
    expect(territoryFor({ country: 'Spain', city: 'Madrid' }, all)?.id).toBe('Iberia');
    expect(territoryFor({ country: 'Brazil', region: 'sao paulo' }, all)?.id).toBe('São Paulo');
  });

  it('prefers the longer postal-code prefix, and ignores spaces, dashes, case and accents', () => {
    expect(territoryFor({ postalCode: '12 34' }, all)?.id).toBe('Lisbon west');
    expect(territoryFor({ postalCode: '1200' }, all)?.id).toBe('Lisbon centre');
    expect(territoryFor({ country: ' PORTUGAL ' }, all)?.id).toBe('Iberia');
    expect(territoryFor({ city: 'LISBON' }, all)?.id).toBe('Lisbon');
  });

  it('matches nothing without an address or a rule that fits', () => {
    expect(territoryFor(undefined, all)).toBeNull();
    expect(territoryFor({ country: 'Kenya' }, all)).toBeNull();
    expect(territoryFor({}, all)).toBeNull();
  });

  it('gives leads to reps in turn', () => {
    expect([1, 2, 3, 4].map((turn) => repForTurn(['ana', 'rui', 'eva'], turn))).toEqual(['ana', 'rui', 'eva', 'ana']);
    expect(repForTurn([], 1)).toBeNull();
  });
});
