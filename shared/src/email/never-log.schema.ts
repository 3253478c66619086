import { z } from 'zod';
import { MAX_NEVER_LOG_ENTRIES, MAX_NEVER_LOG_ENTRY_LENGTH, MAX_NEVER_LOG_TYPED_LENGTH } from './never-log.rules';

/**
 * A never-log list as a client sends it: entries as people type them. Loose on purpose: the service normalizes them
 * and answers NEVER_LOG.INVALID_ENTRY or NEVER_LOG.TOO_MANY (stable codes a client words), not a generic validation
 * failure. Duplicates count once, so a list may arrive longer than it is kept.
 */
export const NeverLogTypedSchema = z.array(z.string().max(MAX_NEVER_LOG_TYPED_LENGTH)).max(MAX_NEVER_LOG_ENTRIES * 2);

/** A never-log list as it is kept and given: normalized addresses and domains (never-log.rules.ts). */
export const NeverLogEntriesSchema = z.array(z.string().min(1).max(MAX_NEVER_LOG_ENTRY_LENGTH)).max(MAX_NEVER_LOG_ENTRIES);
