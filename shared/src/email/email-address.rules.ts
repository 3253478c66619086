/** One address from an address header, with its display name when it had one. */
export type ParsedAddress = { name: string | null; email: string };

const MAX_EMAIL_LENGTH = 254;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * Normalizes one e-mail address for matching: trims, drops `mailto:` and angle brackets,
 * lower-cases it. Returns null when the text is not an address.
 */
export function normalizeEmail(raw: string): string | null {
  let text = raw.trim();
  if (/^mailto:/i.test(text)) text = text.slice('mailto:'.length);
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  const email = text.toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at !== email.indexOf('@')) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  return email;
}

export function isEmailAddress(raw: string): boolean {
  return normalizeEmail(raw) !== null;
}

/** The domain of a normalized address: `john@mail.contoso.com` → `mail.contoso.com`. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/**
 * Normalizes a company's e-mail domain as an admin may type it:
 * `https://www.Contoso.com/`, `@contoso.com` and `contoso.com` all give `contoso.com`.
 */
export function normalizeDomain(raw: string): string | null {
  let text = raw.trim().toLowerCase();
  text = text.replace(/^[a-z]+:\/\//, '').replace(/^@/, '').replace(/^www\./, '');
  text = text.split(/[/?#]/)[0] ?? '';
  text = text.replace(/\.$/, '');
  const labels = text.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  return text;
}

/**
 * The domains a sender's domain may belong to, most specific first, down to two labels:
 * `eu.mail.contoso.com` → `eu.mail.contoso.com`, `mail.contoso.com`, `contoso.com`.
 */
export function domainCandidates(domain: string): string[] {
  const labels = domain.split('.');
  const candidates: string[] = [];
  for (let start = 0; labels.length - start >= 2; start++) candidates.push(labels.slice(start).join('.'));
  return candidates;
}

/**
 * Splits an address header (To, Cc, or a pasted list) into addresses. Understands quoted
 * display names with commas (`"Doe, John" <John.Doe@Contoso.COM>`), comments
 * (`john@contoso.com (John Doe)`), `,` and `;` separators, and skips what is not an address.
 */
export function parseAddressList(header: string): ParsedAddress[] {
  const result: ParsedAddress[] = [];
  for (const part of splitAddressHeader(header)) {
    const parsed = parseOneAddress(part);
    if (parsed) result.push(parsed);
  }
  return result;
}

function splitAddressHeader(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  let angleDepth = 0;
  let commentDepth = 0;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i] as string;
    if (inQuotes) {
      current += ch;
      if (ch === '\\' && i + 1 < header.length) current += header[++i];
      else if (ch === '"') inQuotes = false;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === '(') commentDepth++;
    else if (ch === ')' && commentDepth > 0) commentDepth--;
    else if (ch === '<') angleDepth++;
    else if (ch === '>' && angleDepth > 0) angleDepth--;
    else if ((ch === ',' || ch === ';') && angleDepth === 0 && commentDepth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function parseOneAddress(part: string): ParsedAddress | null {
  const angle = /<([^<>]*)>\s*$/.exec(part);
  if (angle) {
    const email = normalizeEmail(angle[1] ?? '');
    if (!email) return null;
    return { name: cleanDisplayName(part.slice(0, angle.index)), email };
  }
  // A bare address, perhaps followed by a comment holding the name.
  const comment = /\(([^()]*)\)/.exec(part);
  const bare = part.replace(/\([^()]*\)/g, '').trim();
  const email = normalizeEmail(bare);
  if (!email) return null;
  return { name: comment ? cleanDisplayName(comment[1] ?? '') : null, email };
}

function cleanDisplayName(raw: string): string | null {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  name = name.replace(/\s+/g, ' ').trim();
  return name.length > 0 ? name : null;
}

/**
 * Splits a display name into first and last name the way people write them:
 * `Doe, John` → John / Doe; `John Doe` → John / Doe; `Madonna` → last name only.
 */
export function splitDisplayName(name: string): { firstName?: string; lastName: string } {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const comma = trimmed.indexOf(',');
  if (comma > 0) {
    const last = trimmed.slice(0, comma).trim();
    const first = trimmed.slice(comma + 1).trim();
    return first ? { firstName: first, lastName: last } : { lastName: last };
  }
  const space = trimmed.lastIndexOf(' ');
  if (space < 0) return { lastName: trimmed };
  return { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}
