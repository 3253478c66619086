import { CrmError } from '@rapport/shared';

/** Whether a write was refused because the record changed since it was read (412 RECORD.STALE_VERSION). */
export function isStale(error: unknown): boolean {
  return error instanceof CrmError && error.category === 'precondition-failed';
}

/**
 * A read-then-write made again on the record as it is now when someone changed it meanwhile (the writer refuses a stale
 * version, never overwrites it), up to `attempts` times; any other error, or the last stale one, is thrown.
 */
export async function retryOnStale<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isStale(error) || attempt >= attempts) throw error;
    }
  }
}
