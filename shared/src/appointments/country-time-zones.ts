// The time zone of a customer the CRM knows only by their address: their country's, where the country keeps one clock.
//
// Countries that span several zones are left out on purpose — the United States, Canada, Mexico, Brazil, Australia,
// Russia, Indonesia, Chile, Kazakhstan… — because the country alone would put a customer in Los Angeles on New York's
// clock: times three hours wrong, written with confidence. Without a zone the text is written in the rep's own zone,
// which it names, so the customer can convert. A few countries listed keep a second clock on small islands (Spain's
// Canaries, Portugal's Azores are an hour behind the mainland): most of their people live on the mainland's, and the
// zone the times are written in is named under them.

type CountryZone = {
  timeZone: string;
  /** The country's own languages, whose names for it count too (Deutschland, España, Suomi). */
  languages: readonly string[];
  /** Other names people write in an address. */
  aliases?: readonly string[];
};

const ZONE_OF_COUNTRY: Readonly<Record<string, CountryZone>> = {
  ES: { timeZone: 'Europe/Madrid', languages: ['es', 'ca'] },
  PT: { timeZone: 'Europe/Lisbon', languages: ['pt'] },
  IT: { timeZone: 'Europe/Rome', languages: ['it'] },
  DE: { timeZone: 'Europe/Berlin', languages: ['de'] },
  FR: { timeZone: 'Europe/Paris', languages: ['fr'] },
  GB: { timeZone: 'Europe/London', languages: ['en'], aliases: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'] },
  IE: { timeZone: 'Europe/Dublin', languages: ['en', 'ga'], aliases: ['Eire'] },
  NL: { timeZone: 'Europe/Amsterdam', languages: ['nl'], aliases: ['Holland'] },
  BE: { timeZone: 'Europe/Brussels', languages: ['nl', 'fr', 'de'] },
  LU: { timeZone: 'Europe/Luxembourg', languages: ['fr', 'de', 'lb'] },
  CH: { timeZone: 'Europe/Zurich', languages: ['de', 'fr', 'it'] },
  AT: { timeZone: 'Europe/Vienna', languages: ['de'] },
  PL: { timeZone: 'Europe/Warsaw', languages: ['pl'] },
  CZ: { timeZone: 'Europe/Prague', languages: ['cs'], aliases: ['Czech Republic'] },
  HU: { timeZone: 'Europe/Budapest', languages: ['hu'] },
  SE: { timeZone: 'Europe/Stockholm', languages: ['sv'] },
  NO: { timeZone: 'Europe/Oslo', languages: ['nb', 'nn'] },
  DK: { timeZone: 'Europe/Copenhagen', languages: ['da'] },
  FI: { timeZone: 'Europe/Helsinki', languages: ['fi', 'sv'] },
  GR: { timeZone: 'Europe/Athens', languages: ['el'] },
  RO: { timeZone: 'Europe/Bucharest', languages: ['ro'] },
  TR: { timeZone: 'Europe/Istanbul', languages: ['tr'], aliases: ['Turkey'] },
  IL: { timeZone: 'Asia/Jerusalem', languages: ['he'] },
  AE: { timeZone: 'Asia/Dubai', languages: ['ar'], aliases: ['UAE'] },
  IN: { timeZone: 'Asia/Kolkata', languages: ['hi', 'en'] },
  CN: { timeZone: 'Asia/Shanghai', languages: ['zh'] },
  JP: { timeZone: 'Asia/Tokyo', languages: ['ja'] },
  KR: { timeZone: 'Asia/Seoul', languages: ['ko'], aliases: ['Korea', 'Republic of Korea'] },
  SG: { timeZone: 'Asia/Singapore', languages: ['en'] },
  ZA: { timeZone: 'Africa/Johannesburg', languages: ['en', 'af'] },
  AR: { timeZone: 'America/Argentina/Buenos_Aires', languages: ['es'] },
  CO: { timeZone: 'America/Bogota', languages: ['es'] },
  PE: { timeZone: 'America/Lima', languages: ['es'] },
};

// The CRM's languages: a rep may write the country in any of them.
const CRM_LANGUAGES = ['en', 'es', 'pt', 'it'];

/** Without case, accents, punctuation or a leading "the": "The Netherlands" is "netherlands", "España" is "espana". */
const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');

let byName: Map<string, string> | null = null;

// Each country under its ISO code and its names in the CRM's languages and its own, as Intl names them (built once).
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const [code, country] of Object.entries(ZONE_OF_COUNTRY)) {
    byName.set(fold(code), country.timeZone);
    for (const alias of country.aliases ?? []) byName.set(fold(alias), country.timeZone);
    for (const language of [...CRM_LANGUAGES, ...country.languages]) {
      const name = regionName(language, code);
      if (name) byName.set(fold(name), country.timeZone);
    }
  }
  return byName;
}

function regionName(language: string, code: string): string | undefined {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code);
  } catch {
    return undefined;
  }
}

/**
 * The time zone of a country as an address names it (`ES`, `Spain`, `España`, `Espanha`, `Spagna`), when the whole
 * country keeps one clock; null for countries with several zones, and for names it does not know.
 */
export function timeZoneOfCountry(country: string | null | undefined): string | null {
  if (!country?.trim()) return null;
  return names().get(fold(country)) ?? null;
}
