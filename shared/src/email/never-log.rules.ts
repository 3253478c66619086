// Never-log lists: addresses and domains whose mail Rapport never logs (a rep's personal contacts, a partner's internal
// mail). The tenant's list is the admins'; each rep keeps one of their own. Plain data and functions, no schema: the
// pane imports this without loading zod. It uses only the normalizers the pane's first card already carries: esbuild
// puts a shared module whole where the first card needs it, so any other export of email-address.rules used here
// would grow the first card's JavaScript.
import { emailDomain, normalizeDomain, normalizeEmail } from './email-address.rules';
import { isFreeMailDomain } from './free-mail-domains';

/** The most entries one list holds (the tenant's, or one rep's). */
export const MAX_NEVER_LOG_ENTRIES = 500;
/** The longest entry, once normalized: as long as an e-mail address may be. */
export const MAX_NEVER_LOG_ENTRY_LENGTH = 254;
/** The longest entry as typed (`"Doe, John" <john.doe@contoso.com>` is longer than the address it names). */
export const MAX_NEVER_LOG_TYPED_LENGTH = 320;

/** Which list an address is on: the tenant's (admins') or the rep's own. */
export type NeverLogList = 'tenant' | 'mine';

/** Whether an entry names one address or everyone at a domain (and its subdomains). */
export function isDomainEntry(entry: string): boolean {
  return !entry.includes('@');
}

/**
 * An entry as people type it, normalized: an address (`John <John@X.com>`, `mailto:john@x.com` → `john@x.com`) or a
 * domain (`@gmail.com`, `https://www.contoso.com/` → `gmail.com`, `contoso.com`). Null when it is neither, names
 * several addresses, or is longer than an address may be.
 */
export function normalizeNeverLogEntry(typed: string): string | null {
  const text = typed.trim();
  if (text.length === 0 || text.length > MAX_NEVER_LOG_TYPED_LENGTH) return null;
  // `@gmail.com` is a domain; anything else with an @ is an address.
  const entry = text.startsWith('@') || !text.includes('@') ? normalizeDomain(text) : oneAddress(text);
  return entry !== null && entry.length <= MAX_NEVER_LOG_ENTRY_LENGTH ? entry : null;
}

/** One address as written in a header or copied from Outlook: `John <john@x.com>` or bare (`mailto:` allowed). */
function oneAddress(text: string): string | null {
  const angle = /<([^<>]*)>\s*$/.exec(text);
  return normalizeEmail(angle ? (angle[1] ?? '') : text);
}

/**
 * A domain and the domains above it, down to two labels (`eu.mail.contoso.com` → …, `contoso.com`): what a domain
 * entry covers. The same walk as email-address.rules' domainCandidates, kept here for the reason above.
 */
function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(0, -1).map((_, start) => labels.slice(start).join('.'));
}

/** Why a list cannot be kept: the first entry that is not an address or a domain, or too many entries. */
export type NeverLogListProblem = { problem: 'invalid-entry'; index: number; typed: string } | { problem: 'too-many'; count: number };

/**
 * A list as typed, normalized: each entry as `normalizeNeverLogEntry` gives it, the first of duplicates kept, in the
 * order given; or the problem that keeps it from being stored (nothing of it is).
 */
export function normalizeNeverLogList(typed: readonly string[]): { entries: string[] } | NeverLogListProblem {
  const entries = new Set<string>();
  for (const [index, raw] of typed.entries()) {
    const entry = normalizeNeverLogEntry(raw);
    if (entry === null) return { problem: 'invalid-entry', index, typed: raw };
    entries.add(entry);
  }
  if (entries.size > MAX_NEVER_LOG_ENTRIES) return { problem: 'too-many', count: entries.size };
  return { entries: [...entries] };
}

/**
 * The entry of a list that names an address: the address itself, else its domain or the closest parent domain on it;
 * null when none does. The address as `normalizeEmail` gives it.
 */
export function neverLogEntryFor(entries: ReadonlySet<string> | readonly string[], email: string): string | null {
  const has = (entry: string) => ('has' in entries ? entries.has(entry) : entries.includes(entry));
  if (has(email)) return email;
  return domainAndParents(emailDomain(email)).find(has) ?? null;
}

/**
 * Which never-log list an address is on, for one rep: the tenant's wins when both name it (the rep cannot take it off).
 * The address is taken as given (normalized, lower case): pass what `normalizeEmail` returns.
 */
export type NeverLogMatcher = (email: string) => NeverLogList | null;

export function neverLogMatcher(lists: { tenant: readonly string[]; mine: readonly string[] }): NeverLogMatcher {
  const tenant = new Set(lists.tenant);
  const mine = new Set(lists.mine);
  return (email) => {
    const address = email.trim().toLowerCase();
    if (neverLogEntryFor(tenant, address) !== null) return 'tenant';
    return neverLogEntryFor(mine, address) !== null ? 'mine' : null;
  };
}

/**
 * Whether mail from a domain may be logged to a company by that domain: not a free-mail provider's (a gmail.com sender
 * says nothing of their employer), nor the tenant's own (colleagues are not a customer), nor a subdomain of either.
 * `ownDomains` are the tenant's own, normalized (its settings', or its members' domains when it names none).
 */
export function companyLinkableDomain(domain: string, ownDomains: readonly string[]): boolean {
  const own = new Set(ownDomains);
  return !domainAndParents(domain.toLowerCase()).some((candidate) => isFreeMailDomain(candidate) || own.has(candidate));
}
