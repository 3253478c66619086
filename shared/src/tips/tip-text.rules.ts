// A tip is plain text: what looks like a web address in it is shown as a link, the rest as text, never as HTML.
// No schema here: the pane imports it.

/** A run of a tip's text: plain, or a web address with the link it opens (http or https only). */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// An address starts with http(s):// or www. and runs to the next space or character no address holds unescaped.
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
// Punctuation that ends a sentence more often than an address: "see https://example.com/guide." links without the dot.
const TRAILING = /[.,;:!?'"»”’]+$/u;

// The host of an address: dotted names of letters, digits and hyphens, and a port; no user name before an "@".
const HOST = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+(?::\d{1,5})?$/u;

/** The link an address opens, or null when it has no proper host (then it stays text). Only http and https, by the pattern. */
function hrefOf(address: string): string | null {
  const full = /^www\./i.test(address) ? `https://${address}` : address;
  const host = full.replace(/^https?:\/\//i, '').split(/[/?#]/u)[0] ?? '';
  return HOST.test(host) ? full : null;
}

/** Drops what ends the sentence rather than the address: trailing punctuation, and a closing bracket nobody opened in it. */
function trimAddress(address: string): string {
  let trimmed = address.replace(TRAILING, '');
  while (trimmed.endsWith(')') && (trimmed.match(/\(/g) ?? []).length < (trimmed.match(/\)/g) ?? []).length) trimmed = trimmed.slice(0, -1).replace(TRAILING, '');
  return trimmed;
}

/** The tip's text in runs, the addresses in it as links: what the pane and the board show. */
export function linkedTextParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = '';
  let last = 0;
  for (const found of text.matchAll(ADDRESS)) {
    const start = found.index;
    const address = trimAddress(found[0]);
    const href = address === '' ? null : hrefOf(address);
    if (!href) continue;
    plain += text.slice(last, start);
    if (plain !== '') parts.push({ text: plain });
    plain = '';
    parts.push({ text: address, href });
    last = start + address.length;
  }
  plain += text.slice(last);
  if (plain !== '') parts.push({ text: plain });
  return parts;
}
