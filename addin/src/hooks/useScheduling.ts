import { findConflicts, type Conflict, type TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import { useCalendarModule, useFreeBusy, useMailboxTimeZone, type CalendarLoader, type FreeBusyRequest } from '../data/calendar';
import { useDebounced } from '../data/debounce';
import type { CalendarApi } from '../graph/calendar';

export type { CalendarLoader };

/**
 * The calendar once loaded, and the zone people pick times in; `failure` when the module could not be loaded, with
 * `retry` to load it again.
 */
export function useCalendar(loadCalendar: CalendarLoader): { calendar: CalendarApi | undefined; timeZone: string; failure: unknown; retry: () => void } {
  const calendarModule = useCalendarModule(loadCalendar);
  const timeZone = useMailboxTimeZone(calendarModule.data);
  return { calendar: calendarModule.data, timeZone, failure: calendarModule.error, retry: () => void calendarModule.refetch() };
}

export type ConflictState =
  | { status: 'idle' | 'checking' }
  | { status: 'ready'; conflicts: Conflict[]; unavailable: string[] }
  | { status: 'error'; error: unknown; retry: () => void };

const CHECK_DELAY_MS = 300;

/** Free/busy of the people whose calendars can be read, checked a moment after the slot or the people change. */
export function useConflicts(calendar: CalendarApi | undefined, slot: TimeSlot | null, people: string[]): ConflictState {
  const request: FreeBusyRequest | null = slot && people.length > 0 ? { people, slot } : null;
  const [settled] = useDebounced(request, CHECK_DELAY_MS);
  const freeBusy = useFreeBusy(calendar, settled);
  if (!calendar || !request) return { status: 'idle' };
  // An answer counts only for the slot and people it was asked for; until the new one comes, it is "checking".
  if (JSON.stringify(settled) !== JSON.stringify(request)) return { status: 'checking' };
  if (freeBusy.isError) return { status: 'error', error: freeBusy.error, retry: () => void freeBusy.refetch() };
  if (!freeBusy.data) return { status: 'checking' };
  return { status: 'ready', conflicts: findConflicts(request.slot, freeBusy.data.busy), unavailable: freeBusy.data.unavailable };
}
