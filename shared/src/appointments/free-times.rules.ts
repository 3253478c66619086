import { addDays, fromWallTime, offsetMinutes, toWallTime, weekdayOf } from './calendar-time.rules';
import type { TimeSlot } from './conflict.rules';
import type { WorkingHours } from './free-slots.rules';
import { escapeHtml } from '../common/html-text';

// The free times a rep proposes in an e-mail: which days to look in, and the text that lists them for the customer, in
// the customer's language conventions and time zone. Plain rules over Intl: the pane and templates import them without
// loading zod.

/** How the times are written: the zone and locale to write them in, the line above them and the note under them. */
export type FreeTimesWording = {
  timeZone: string;
  /** The locale dates follow (`en-GB`: "Wed 2 Dec, 10:00–10:30"; `es-ES`: "mié, 2 dic, 10:00–10:30"). */
  locale: string;
  /** The line before the times: "Would one of these times suit you?"; none when empty (a template says its own). */
  heading: string;
  /** The note after them, `{zone}` replaced by the zone's name: "(Times in {zone})". */
  zoneNote: string;
};

const rangeFormats = new Map<string, Intl.DateTimeFormat>();

function rangeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = rangeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(usableLocale(locale), { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone });
    rangeFormats.set(key, format);
  }
  return format;
}

// A locale Intl cannot read (a typo in a setting) writes English rather than failing the whole text.
function usableLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * One slot as a person reads it in a zone: "Wed 2 Dec, 10:00–10:30". Intl writes the range, so a slot that crosses
 * midnight names both days ("Wed 2 Dec, 23:30 – Thu 3 Dec, 00:30") and each locale orders and punctuates it its way.
 */
export function slotText(slot: TimeSlot, timeZone: string, locale: string): string {
  return rangeFormat(locale, timeZone).formatRange(new Date(slot.start), new Date(slot.end));
}

/**
 * The zone's name as people say it, the same all year ("Central European Time", "hora de Europa central"), at an
 * instant (a zone's name may change with its rules). Where Intl has no such name it falls back to the name it has
 * ("Coordinated Universal Time" rather than "GMT+00:00"), then to the zone's id.
 */
export function timeZoneName(timeZone: string, locale: string, at: string | number = Date.now()): string {
  const nameIn = (style: 'longGeneric' | 'long') =>
    new Intl.DateTimeFormat(usableLocale(locale), { timeZone, timeZoneName: style }).formatToParts(new Date(at)).find((part) => part.type === 'timeZoneName')?.value;
  const generic = nameIn('longGeneric');
  if (generic && !/^GMT([+-]|$)/.test(generic)) return generic;
  return nameIn('long') ?? generic ?? timeZone;
}

/** The slots in time order, each once. */
function ordered(slots: readonly TimeSlot[]): TimeSlot[] {
  const unique = new Map(slots.map((slot) => [`${slot.start}/${slot.end}`, slot]));
  return [...unique.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || Date.parse(a.end) - Date.parse(b.end));
}

function zoneNoteOf(slots: readonly TimeSlot[], wording: FreeTimesWording): string {
  return wording.zoneNote.replace('{zone}', timeZoneName(wording.timeZone, wording.locale, slots[0]?.start));
}

/**
 * The times as plain text for an e-mail, a bullet a line:
 * "Would one of these times suit you?\n• Wed 2 Dec, 10:00–10:30\n• Thu 3 Dec, 09:30–10:00\n(Times in Central European Time)".
 */
export function freeTimesText(slots: readonly TimeSlot[], wording: FreeTimesWording): string {
  const times = ordered(slots);
  const lines = [...times.map((slot) => `• ${slotText(slot, wording.timeZone, wording.locale)}`), zoneNoteOf(times, wording)];
  return (wording.heading ? [wording.heading, ...lines] : lines).join('\n');
}

/** The same as HTML for an e-mail's body: the heading, a list of the times, the note; every text escaped. */
export function freeTimesHtml(slots: readonly TimeSlot[], wording: FreeTimesWording): string {
  const times = ordered(slots);
  const items = times.map((slot) => `<li>${escapeHtml(slotText(slot, wording.timeZone, wording.locale))}</li>`).join('');
  return `${wording.heading ? `<p>${escapeHtml(wording.heading)}</p>` : ''}<ul>${items}</ul><p>${escapeHtml(zoneNoteOf(times, wording))}</p>`;
}


/**
 * The days to look for free times in, from `now`: the next `workingDays` days the rep works, in their zone, each from
 * its midnight (today from now) to the next. Today counts while some of its working hours are still ahead.
 */
export function freeTimesDays(now: string | number, hours: WorkingHours, workingDays = 5): TimeSlot[] {
  const at = typeof now === 'number' ? now : Date.parse(now);
  // No working days set means every day is one (as quick-dates.rules.ts reads it).
  const works = (date: string) => hours.days.length === 0 || hours.days.includes(weekdayOf(date));
  const today = toWallTime(at, hours.timeZone).date;
  const days: TimeSlot[] = [];
  if (works(today) && at < Date.parse(fromWallTime({ date: today, time: hours.end }, hours.timeZone))) {
    days.push({ start: new Date(at).toISOString(), end: fromWallTime({ date: addDays(today, 1), time: '00:00' }, hours.timeZone) });
  }
  for (let offset = 1; days.length < workingDays && offset <= 7 * workingDays; offset++) {
    const date = addDays(today, offset);
    if (works(date)) days.push({ start: fromWallTime({ date, time: '00:00' }, hours.timeZone), end: fromWallTime({ date: addDays(date, 1), time: '00:00' }, hours.timeZone) });
  }
  return days;
}

/**
 * Up to `max` of each day's free times, spread over the days: the first of each day, then the next of each that does
 * not overlap one already taken, and so on; in time order. A customer offered five times on five days can pick one
 * more easily than five half-hours of the same morning.
 */
export function spreadOverDays(days: readonly (readonly TimeSlot[])[], max: number): TimeSlot[] {
  const taken: TimeSlot[] = [];
  const next = days.map(() => 0);
  const overlapsTaken = (slot: TimeSlot) => taken.some((other) => Date.parse(slot.start) < Date.parse(other.end) && Date.parse(other.start) < Date.parse(slot.end));
  let progress = true;
  while (taken.length < max && progress) {
    progress = false;
    for (const [index, day] of days.entries()) {
      if (taken.length >= max) break;
      let cursor = next[index] ?? 0;
      while (cursor < day.length && overlapsTaken(day[cursor] as TimeSlot)) cursor++;
      const slot = day[cursor];
      next[index] = cursor + 1;
      if (!slot) continue;
      taken.push(slot);
      progress = true;
    }
  }
  return ordered(taken);
}

/** Whether two zones show the same clock at the start and end of every slot: then times read the same in either. */
export function sameClockFor(slots: readonly TimeSlot[], zone: string, other: string): boolean {
  if (zone === other) return true;
  return slots.every((slot) => [slot.start, slot.end].every((instant) => offsetMinutes(Date.parse(instant), zone) === offsetMinutes(Date.parse(instant), other)));
}
