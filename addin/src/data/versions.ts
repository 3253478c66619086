import { isApiError } from '../api/api-error';

/**
 * The newer of a thing as its list holds it and as a write answered: a write makes the list stale and it is read
 * again, and until it is, the write's answer shows (and its version is the one the next change is made on).
 */
export function newest<T extends { id: string; version: number }>(listed: T, written: T | null | undefined): T {
  return written && written.id === listed.id && written.version > listed.version ? written : listed;
}

/** The change was refused because someone else saved first (the version it was made on is no longer the latest). */
export function isStale(error: unknown): boolean {
  return isApiError(error) && error.code === 'RECORD.STALE_VERSION';
}
