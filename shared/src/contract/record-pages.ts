// The web record pages' addresses: /records/{kind}/{id}, on the dashboard's origin. Plain data and a regular
// expression (no zod), so the pages host and the record page's small bundle read them alike.

/** The kinds a record page shows: those the pane opens in a view of their own. */
export const recordPageKinds = ['contact', 'company', 'deal', 'lead', 'case', 'quote', 'order', 'contract', 'article', 'campaign'] as const;
export type RecordPageKind = (typeof recordPageKinds)[number];

export const RECORD_PAGES_PREFIX = '/records/';

// IdSchema's rule (common/record.schema.ts): letters, digits, "-" and "_", at most 64, not starting with "-" or "_".
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The record a page's path names, or null when the kind is unknown or the id malformed. */
export function recordOfPagePath(pathname: string): { kind: RecordPageKind; id: string } | null {
  if (!pathname.startsWith(RECORD_PAGES_PREFIX)) return null;
  const parts = pathname.slice(RECORD_PAGES_PREFIX.length).split('/');
  if (parts.length !== 2) return null;
  const [kind, id] = parts as [string, string];
  if (!(recordPageKinds as readonly string[]).includes(kind) || !ID.test(id)) return null;
  return { kind: kind as RecordPageKind, id };
}

/** A record page's address, keeping who it is for and in which language (`as`, `lang`) when given. */
export function recordPagePath(record: { kind: RecordPageKind; id: string }, keep: { lang?: string | null; as?: string | null } = {}): string {
  const search = [['lang', keep.lang], ['as', keep.as]]
    .filter((pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `${RECORD_PAGES_PREFIX}${record.kind}/${encodeURIComponent(record.id)}${search ? `?${search}` : ''}`;
}
