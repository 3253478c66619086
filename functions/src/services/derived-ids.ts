import { createHash } from 'node:crypto';

// Ids hold at most 64 characters (IdSchema); longer ones are a hash of what they are made of.
const ID_MAX = 64;

/**
 * The id of a record that follows from others (a quote's order, a contract's renewal task for one end date): the same
 * parts give the same id, so a replayed job or request finds what it made instead of making it again. Readable when it
 * fits, a hash when it would be too long.
 */
export function derivedId(...parts: string[]): string {
  const readable = parts.join('-');
  if (readable.length <= ID_MAX && /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(readable)) return readable;
  return `d-${createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 48)}`;
}
