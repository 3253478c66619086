import { DEFAULT_DIGEST_HOUR, DIGEST_WINDOW_HOURS, addDays, fromWallTime, isKnownTimeZone, toWallTime, type MemberRecord } from '@rapport/shared';

const HOUR_MS = 3600_000;

/** A member's morning: the local day it belongs to, and the instants it starts and ends (their hour, plus the window). */
export type DigestWindow = { date: string; starts: string; ends: string };

/** The zone a member's mornings are in: theirs, or UTC until they have one. */
export function zoneOf(member: Pick<MemberRecord, 'timeZone'>): string {
  return member.timeZone && isKnownTimeZone(member.timeZone) ? member.timeZone : 'UTC';
}

function windowOn(date: string, zone: string, hour: number): DigestWindow {
  const starts = fromWallTime({ date, time: `${String(hour).padStart(2, '0')}:00` }, zone);
  return { date, starts, ends: new Date(Date.parse(starts) + DIGEST_WINDOW_HOURS * HOUR_MS).toISOString() };
}

/**
 * The member's morning window `at` falls in, or null when it falls in none. Yesterday's is looked at too: a window
 * from 22:00 runs past midnight, and its digest is still the plan of the day it started.
 */
export function windowAt(member: Pick<MemberRecord, 'timeZone' | 'digestHour'>, at: Date): DigestWindow | null {
  const zone = zoneOf(member);
  const hour = member.digestHour ?? DEFAULT_DIGEST_HOUR;
  const today = toWallTime(at.getTime(), zone).date;
  for (const date of [today, addDays(today, -1)]) {
    const window = windowOn(date, zone, hour);
    if (at.getTime() >= Date.parse(window.starts) && at.getTime() < Date.parse(window.ends)) return window;
  }
  return null;
}

/** When the member's next morning window starts after `at` (tomorrow's, when today's has started). */
export function nextWindowStart(member: Pick<MemberRecord, 'timeZone' | 'digestHour'>, at: Date): string {
  const zone = zoneOf(member);
  const hour = member.digestHour ?? DEFAULT_DIGEST_HOUR;
  const today = toWallTime(at.getTime(), zone).date;
  const todays = windowOn(today, zone, hour).starts;
  return Date.parse(todays) > at.getTime() ? todays : windowOn(addDays(today, 1), zone, hour).starts;
}
