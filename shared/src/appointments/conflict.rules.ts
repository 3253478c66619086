import { dayInterval } from './calendar-time.rules';

// Free/busy as Graph reports it (getSchedule's scheduleItems), and the conflicts of a proposed slot.

/** Graph's free/busy statuses. */
export const availabilityStatuses = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
export type AvailabilityStatus = (typeof availabilityStatuses)[number];

/** A span of time in which someone is not free; instants in UTC ISO form. */
export type BusyInterval = {
  /** Whose calendar: the e-mail address asked about. */
  person: string;
  start: string;
  end: string;
  status: AvailabilityStatus;
  subject?: string;
};

export type TimeSlot = { start: string; end: string };

/** A clash between a proposed slot and someone's calendar. `tentative` clashes are a softer warning. */
export type Conflict = { person: string; start: string; end: string; severity: 'busy' | 'tentative'; subject?: string };

/** Busy and out-of-office block a slot; tentative warns; free and working elsewhere do not clash. */
export function severityOf(status: AvailabilityStatus): Conflict['severity'] | null {
  if (status === 'busy' || status === 'oof') return 'busy';
  if (status === 'tentative') return 'tentative';
  return null;
}

/** Whether two spans share any time: one that ends as the other begins does not. */
export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** The conflicts of a slot, in the order they begin, busy before tentative at the same time. */
export function findConflicts(slot: TimeSlot, busy: readonly BusyInterval[]): Conflict[] {
  return busy
    .flatMap((interval): Conflict[] => {
      const severity = severityOf(interval.status);
      if (!severity || !overlaps(slot, interval)) return [];
      return [{ person: interval.person, start: interval.start, end: interval.end, severity, ...(interval.subject ? { subject: interval.subject } : {}) }];
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.severity === b.severity ? 0 : a.severity === 'busy' ? -1 : 1) || a.person.localeCompare(b.person));
}

/** The span an all-day event blocks for someone in `timeZone`: local midnight to midnight, 23 to 25 hours. */
export function allDaySpan(firstDate: string, lastDate: string, timeZone: string): TimeSlot {
  return { start: dayInterval(firstDate, timeZone).start, end: dayInterval(lastDate, timeZone).end };
}

/** Graph's `availabilityView` digits: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere. */
export function availabilityDigit(status: AvailabilityStatus): string {
  return { free: '0', tentative: '1', busy: '2', oof: '3', workingElsewhere: '4', unknown: '0' }[status];
}
