import type { Address } from '../common/record.schema';

/** The parts of a territory its rules use. */
export type TerritoryRules = {
  id: string;
  name: string;
  countries: readonly string[];
  regions: readonly string[];
  cities: readonly string[];
  postalCodePrefixes: readonly string[];
};

const fold = (value: string | undefined) => (value ?? '').normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
const compactPostalCode = (value: string | undefined) => fold(value).replace(/[\s-]/g, '');

/**
 * The territory an address falls in: the most specific rule wins — the longest postal-code prefix,
 * then a city, then a region, then a country; between equals, the first territory by name. Names
 * compare without case or accents ("São Paulo" is "sao paulo").
 */
export function territoryFor<T extends TerritoryRules>(address: Address | undefined, territories: readonly T[]): T | null {
  if (!address) return null;
  const postalCode = compactPostalCode(address.postalCode);
  const city = fold(address.city);
  const region = fold(address.region);
  const country = fold(address.country);
  let best: { territory: T; score: number } | null = null;
  for (const territory of [...territories].sort((a, b) => a.name.localeCompare(b.name))) {
    let score = 0;
    for (const prefix of territory.postalCodePrefixes) {
      const compact = compactPostalCode(prefix);
      if (postalCode && compact && postalCode.startsWith(compact)) score = Math.max(score, 1_000 + compact.length);
    }
    if (city && territory.cities.some((candidate) => fold(candidate) === city)) score = Math.max(score, 300);
    if (region && territory.regions.some((candidate) => fold(candidate) === region)) score = Math.max(score, 200);
    if (country && territory.countries.some((candidate) => fold(candidate) === country)) score = Math.max(score, 100);
    if (score > 0 && (!best || score > best.score)) best = { territory, score };
  }
  return best?.territory ?? null;
}

/** Round-robin: the rep whose turn it is, for the `turn`-th lead (1, 2, 3…) a territory receives. */
export function repForTurn(repIds: readonly string[], turn: number): string | null {
  if (repIds.length === 0) return null;
  return repIds[(turn - 1) % repIds.length] ?? null;
}
