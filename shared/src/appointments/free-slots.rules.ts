import { addDays, fromWallTime, toWallTime, weekdayOf } from './calendar-time.rules';
import { overlaps, severityOf, type BusyInterval, type TimeSlot } from './conflict.rules';

/** When someone works, in their own time zone: days 0 (Sunday) to 6, and a daily span. */
export type WorkingHours = { days: readonly number[]; start: string; end: string; timeZone: string };

export const DEFAULT_WORKING_HOURS: Omit<WorkingHours, 'timeZone'> = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export type FreeSlotRequest = {
  /** Busy spans of everyone who must attend. */
  busy: readonly BusyInterval[];
  /** No slot begins before this instant. */
  from: string;
  durationMinutes: number;
  workingHours: WorkingHours;
  /** Slots begin on this grid of local time (every 30 minutes by default). */
  stepMinutes?: number;
  count?: number;
  /** How many days ahead to look. */
  horizonDays?: number;
  /** Tentative holds block a suggestion too (the default), as Outlook's scheduling assistant treats them. */
  avoidTentative?: boolean;
};

/**
 * The first free slots of a duration within working hours, on a grid of local time, that no one's
 * busy (or, by default, tentative) time touches. Daylight-saving days keep the local grid: a slot
 * at 09:00 is 09:00 on the clock before and after the change.
 */
export function findFreeSlots(request: FreeSlotRequest): TimeSlot[] {
  const { busy, durationMinutes, workingHours } = request;
  const step = request.stepMinutes ?? 30;
  const count = request.count ?? 3;
  const horizon = request.horizonDays ?? 14;
  const from = Date.parse(request.from);
  const blocking = busy.filter((interval) => {
    const severity = severityOf(interval.status);
    return severity === 'busy' || (severity === 'tentative' && request.avoidTentative !== false);
  });
  const slots: TimeSlot[] = [];
  const firstDay = toWallTime(from, workingHours.timeZone).date;
  for (let day = 0; day <= horizon && slots.length < count; day++) {
    const date = addDays(firstDay, day);
    if (!workingHours.days.includes(weekdayOf(date))) continue;
    const dayEnd = Date.parse(fromWallTime({ date, time: workingHours.end }, workingHours.timeZone));
    for (let minute = toMinutes(workingHours.start); slots.length < count; minute += step) {
      const start = Date.parse(fromWallTime({ date, time: fromMinutes(minute) }, workingHours.timeZone));
      const end = start + durationMinutes * 60_000;
      if (end > dayEnd || minute >= 24 * 60) break;
      if (start < from) continue;
      const slot = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
      if (!blocking.some((interval) => overlaps(slot, interval))) slots.push(slot);
    }
  }
  return slots;
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

function fromMinutes(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
