// Wall-clock time in a user's time zone, and the instants it stands for. Appointments are stored and
// sent to Graph in UTC; people pick and read them in their mailbox's time zone, across daylight-saving
// changes. Only Intl is used, so this runs the same in the browser and in Node.

/** A local date and time as a person reads it: `2026-03-08`, `09:30`. */
export type WallTime = { date: string; time: string };

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether a time zone name is one this runtime knows (IANA names such as `Europe/Madrid`, or `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in minutes (Madrid in summer: 120). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / MINUTE);
}

/** The wall time an instant shows in a zone. */
export function toWallTime(instant: string | number, timeZone: string): WallTime {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  const local = new Date(at + offsetMinutes(at, timeZone) * MINUTE).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * The instant a wall time stands for in a zone, as an ISO string in UTC. A time skipped by a
 * daylight-saving change (02:30 on the morning clocks jump to 03:00) moves forward by the gap, as
 * calendars do; a time that happens twice (the hour clocks go back) is its first occurrence.
 */
export function fromWallTime(wall: WallTime, timeZone: string): string {
  const naive = Date.parse(`${wall.date}T${wall.time}:00Z`);
  if (Number.isNaN(naive)) throw new RangeError(`not a date and time: ${wall.date} ${wall.time}`);
  // Try the offsets in force around that moment; the earlier instant wins when both fit.
  const candidates = [offsetMinutes(naive - 86_400_000 / 2, timeZone), offsetMinutes(naive + 86_400_000 / 2, timeZone)]
    .map((offset) => naive - offset * MINUTE)
    .filter((instant) => toWallTimeKey(instant, timeZone) === `${wall.date}T${wall.time}`)
    .sort((a, b) => a - b);
  const exact = candidates[0];
  if (exact !== undefined) return new Date(exact).toISOString();
  // In a gap: the offset before the change, which lands after the gap.
  return new Date(naive - offsetMinutes(naive - 86_400_000 / 2, timeZone) * MINUTE).toISOString();
}

function toWallTimeKey(instant: number, timeZone: string): string {
  const wall = toWallTime(instant, timeZone);
  return `${wall.date}T${wall.time}`;
}

/** The instants a whole local day spans: 23 or 25 hours on a daylight-saving change. */
export function dayInterval(date: string, timeZone: string): { start: string; end: string } {
  return { start: fromWallTime({ date, time: '00:00' }, timeZone), end: fromWallTime({ date: addDays(date, 1), time: '00:00' }, timeZone) };
}

/** A calendar date some days later (or earlier): `addDays('2026-02-28', 1)` is `2026-03-01`. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Day of the week of a calendar date, 0 for Sunday to 6 for Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * Reads a Graph `dateTimeTimeZone` (`{ dateTime: '2026-11-23T09:00:00.0000000', timeZone: 'UTC' }`):
 * Graph writes the local time without an offset and names the zone beside it.
 */
export function fromGraphDateTime(value: { dateTime: string; timeZone?: string | null }): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(value.dateTime);
  if (!match) return new Date(Date.parse(value.dateTime)).toISOString();
  const [, date, time, seconds] = match as unknown as [string, string, string, string | undefined];
  const zone = !value.timeZone || value.timeZone === 'UTC' || value.timeZone === 'tzone://Microsoft/Utc' ? 'UTC' : value.timeZone;
  const base = Date.parse(fromWallTime({ date, time }, zone));
  const extraSeconds = seconds ? Number(seconds.slice(1)) : 0;
  return new Date(base + Math.round(extraSeconds * 1000)).toISOString();
}

/** Writes an instant as a Graph `dateTimeTimeZone` in UTC. */
export function toGraphDateTime(instant: string): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(Date.parse(instant)).toISOString().slice(0, 19), timeZone: 'UTC' };
}

/** Minutes of an ISO 8601 duration as Graph writes them (`PT1H30M`, `PT45M`, `P1D`). */
export function isoDurationMinutes(duration: string): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return null;
  const [, days, hours, minutes, seconds] = match;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0) + Math.ceil(Number(seconds ?? 0) / 60);
}

/** The ISO 8601 duration Graph expects for some minutes: 90 → `PT1H30M`. */
export function minutesToIsoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}
