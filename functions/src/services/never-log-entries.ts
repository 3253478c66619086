import { MAX_NEVER_LOG_ENTRIES, invalidField, normalizeNeverLogList } from '@rapport/shared';

/**
 * A never-log list as typed, normalized for keeping; or 400 with a stable code at the field (`neverLog.3`), so a client
 * says which entry is wrong and nothing of the list is stored.
 */
export function neverLogEntriesOf(typed: readonly string[], field: string): string[] {
  const normalized = normalizeNeverLogList(typed);
  if ('entries' in normalized) return normalized.entries;
  if (normalized.problem === 'too-many') {
    throw invalidField('NEVER_LOG.TOO_MANY', field, `A never-log list holds ${MAX_NEVER_LOG_ENTRIES} entries at most; this one has ${normalized.count}. Name a whole domain instead of its addresses.`);
  }
  throw invalidField(
    'NEVER_LOG.INVALID_ENTRY',
    `${field}.${normalized.index}`,
    `"${normalized.typed.slice(0, 80)}" is neither an e-mail address nor a domain: write one as john@example.com, or example.com for everyone there.`,
  );
}
