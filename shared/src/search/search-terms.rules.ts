import { normalizeEmail } from '../email/email-address.rules';
import { phoneQueryOf, phoneSearchKey, type PhoneQuery } from '../phones/phone.rules';

// A record is found by the terms it is stored under: word prefixes of its names, e-mails,
// domains and customer number, the compact customer number, phone keys ("#" + the
// reversed digits) and a numbered record's number ("no:" + the number, matched whole).
// The same terms serve every store adapter.

const PHONE_TERM_PREFIX = '#';
// Words and compact codes hold letters and digits only, so no query but a number reaches these terms.
const NUMBER_TERM_PREFIX = 'no:';
// "1042", "#1042", "# 1042", "no. 1042": a record's number as a customer quotes it.
const NUMBER_QUERY = /^(?:no\.?\s*|n[º°]\s*)?#?\s*0*(\d{1,9})$/i;
const MIN_TOKEN_LENGTH = 2;
const MAX_QUERY_TOKENS = 6;

/** Lower-case, without accents: `Müller` and `muller` are the same word to search. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A customer number without punctuation or case: `CUST-00123` → `cust00123`. */
export function compactCode(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

export type SearchableFields = {
  names: (string | undefined)[];
  emails?: string[];
  domains?: string[];
  phones?: string[];
  customerNumber?: string;
  /** A per-tenant number (a case's): found only whole, so "10" does not list cases 100 to 109. */
  number?: number;
};

export function searchTermsOf(fields: SearchableFields): string[] {
  const terms = new Set<string>();
  for (const name of fields.names) if (name) for (const word of wordsOf(name)) terms.add(word);
  for (const email of fields.emails ?? []) {
    for (const word of wordsOf(email)) terms.add(word);
    terms.add(foldText(email));
  }
  for (const domain of fields.domains ?? []) {
    for (const word of wordsOf(domain)) terms.add(word);
    terms.add(foldText(domain));
  }
  if (fields.customerNumber) {
    for (const word of wordsOf(fields.customerNumber)) terms.add(word);
    terms.add(compactCode(fields.customerNumber));
  }
  for (const phone of fields.phones ?? []) {
    const key = phoneSearchKey(phone);
    if (key) terms.add(PHONE_TERM_PREFIX + key);
  }
  if (fields.number !== undefined) terms.add(NUMBER_TERM_PREFIX + String(fields.number));
  return [...terms];
}

/**
 * A parsed search: a record matches when every word is a prefix of one of its terms, or
 * `compact` is a prefix of one of its terms (customer numbers, whole e-mails), or its
 * phone matches `phone`, or `number` is one of its terms (a case's number, whole). Terms and words are folded the
 * same way.
 */
export type SearchQuery = {
  words: string[];
  compact: string | null;
  phone: PhoneQuery | null;
  number: string | null;
};

export function parseSearchQuery(raw: string): SearchQuery | null {
  const text = raw.trim().slice(0, 200);
  if (text.length === 0) return null;
  const email = text.includes('@') ? normalizeEmail(text) : null;
  const phoneQuery = phoneQueryOf(text);
  const phone = phoneQuery
    ? {
        prefix: PHONE_TERM_PREFIX + phoneQuery.prefix,
        exact: phoneQuery.exact.map((key) => PHONE_TERM_PREFIX + key),
      }
    : null;
  const words = wordsOf(text)
    .filter((word) => word.length >= MIN_TOKEN_LENGTH)
    .slice(0, MAX_QUERY_TOKENS);
  const compact = email ? foldText(email) : compactCode(text);
  const digits = NUMBER_QUERY.exec(text)?.[1];
  // Case 7 is found by "7" and "#7", though one digit is too short a word to search by.
  const number = digits ? NUMBER_TERM_PREFIX + String(Number(digits)) : null;
  if (words.length === 0 && !phone && !number && compact.length < MIN_TOKEN_LENGTH) return null;
  return { words, compact: compact.length >= MIN_TOKEN_LENGTH ? compact : null, phone, number };
}

/** Whether a record stored under `terms` matches the query: the rule every adapter implements. */
export function termsMatch(terms: string[], query: SearchQuery): boolean {
  const startsWithAny = (prefix: string) => terms.some((term) => term.startsWith(prefix));
  if (query.words.length > 0 && query.words.every(startsWithAny)) return true;
  if (query.compact && startsWithAny(query.compact)) return true;
  if (query.phone) {
    const { prefix, exact } = query.phone;
    if (startsWithAny(prefix) || terms.some((term) => exact.includes(term))) return true;
  }
  if (query.number && terms.includes(query.number)) return true;
  return false;
}
