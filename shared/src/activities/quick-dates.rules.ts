import { addDays, fromWallTime, isKnownTimeZone, toWallTime, weekdayOf } from '../appointments/calendar-time.rules';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../appointments/free-slots.rules';

// When a task snoozed or planned "tomorrow" is due: the start of the user's working day, in their time zone, on a day
// they work. Plain rules over Intl, no schema: the task pane imports them without loading zod.

/** The quick dates offered to snooze a task or plan a follow-up. */
export const quickDates = ['tomorrow', 'in-three-days', 'next-week'] as const;
export type QuickDate = (typeof quickDates)[number];

/** What the mailbox says of the user's working week (Graph's mailboxSettings), as far as it is known. */
export type MailboxWorkingHours = { timeZone?: string | undefined; workingHours?: Omit<WorkingHours, 'timeZone'> | undefined };

/**
 * The working hours to plan in: the mailbox's zone and hours where they are usable, else `fallbackZone` (the browser's)
 * and 09:00–17:00 Monday to Friday. A zone this runtime does not know (Outlook may name a Windows zone) counts as unknown.
 */
export function workingHoursOf(mailbox: MailboxWorkingHours | undefined, fallbackZone: string): WorkingHours {
  const timeZone = mailbox?.timeZone && isKnownTimeZone(mailbox.timeZone) ? mailbox.timeZone : fallbackZone;
  const hours = mailbox?.workingHours;
  const usable = hours && hours.days.length > 0 && /^\d{2}:\d{2}$/.test(hours.start);
  return { ...(usable ? hours : DEFAULT_WORKING_HOURS), timeZone };
}

/** The first day on or after `date` (`2026-12-05`) that the user works. */
export function firstWorkingDay(date: string, hours: Pick<WorkingHours, 'days'>): string {
  // A week always holds a working day when any is set; none set means every day is one.
  for (let offset = 0; offset < 7; offset++) {
    const day = addDays(date, offset);
    if (hours.days.length === 0 || hours.days.includes(weekdayOf(day))) return day;
  }
  return date;
}

/** The instant the working day starts on a date, in the user's zone (ISO, UTC). */
export function startOfWork(date: string, hours: WorkingHours): string {
  return fromWallTime({ date, time: hours.start }, hours.timeZone);
}

/**
 * When a quick date falls, from `now`: tomorrow, three days on, or next Monday (a week on when today is Monday), each
 * moved on to the next day the user works, at the start of their working hours. Days are counted in their time zone,
 * so "tomorrow" is theirs even where the machine's day is another.
 */
export function quickDateAt(which: QuickDate, now: string | number, hours: WorkingHours): string {
  const today = toWallTime(now, hours.timeZone).date;
  const weekday = weekdayOf(today);
  const ahead = which === 'tomorrow' ? 1 : which === 'in-three-days' ? 3 : ((8 - weekday) % 7 || 7);
  return startOfWork(firstWorkingDay(addDays(today, ahead), hours), hours);
}

/** The calendar date an instant falls on in the user's zone (what a date picker shows for it). */
export function localDateOf(instant: string | number, hours: Pick<WorkingHours, 'timeZone'>): string {
  return toWallTime(instant, hours.timeZone).date;
}
