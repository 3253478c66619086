import { distinctValues, toUtcTimestamp } from '@rapport/shared';

/** The distinct normalized values of a list, without those that do not normalize. */
export function distinctNormalized(values: readonly string[] | undefined, normalize: (value: string) => string | null): string[] {
  return distinctValues((values ?? []).map(normalize));
}

/** A timestamp stored in UTC, so that its text order is its time order (timelines sort by it). */
export function utcOrUnset(value: string | undefined): string | undefined {
  return value === undefined ? undefined : toUtcTimestamp(value);
}
