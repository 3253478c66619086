import { useEffect, useState } from 'react';
import { isKnownTimeZone } from '@rapport/shared/appointments/calendar-time.rules';
import { findConflicts, type Conflict, type TimeSlot } from '@rapport/shared/appointments/conflict.rules';
import type { CalendarApi } from '../graph/calendar';

/** The Graph calendar module, loaded on first use (it stays out of the pane's first JavaScript). */
export type CalendarLoader = () => Promise<CalendarApi>;

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The calendar, once loaded, and the time zone people pick times in: the mailbox's, else the browser's. */
export function useCalendar(loadCalendar: CalendarLoader): { calendar: CalendarApi | null; timeZone: string; error: string | null } {
  const [calendar, setCalendar] = useState<CalendarApi | null>(null);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadCalendar()
      .then(async (loaded) => {
        if (!live) return;
        setCalendar(loaded);
        // Outlook may name a Windows zone (e.g. "Romance Standard Time"); then the browser's zone stands in.
        const settings = await loaded.mailboxSettings().catch(() => null);
        if (live && settings && isKnownTimeZone(settings.timeZone)) setTimeZone(settings.timeZone);
      })
      .catch((caught: unknown) => {
        if (live) setError(caught instanceof Error ? caught.message : String(caught));
      });
    return () => {
      live = false;
    };
  }, [loadCalendar]);
  return { calendar, timeZone, error };
}

export type ConflictState =
  | { status: 'idle' | 'checking' }
  | { status: 'ready'; conflicts: Conflict[]; unavailable: string[] }
  | { status: 'error'; message: string };

const CHECK_DELAY_MS = 300;

/** Free/busy of the people whose calendars can be read, checked a moment after the slot or the people change. */
export function useConflicts(calendar: CalendarApi | null, slot: TimeSlot | null, people: string[]): ConflictState {
  const peopleKey = people.join(',');
  // An answer counts only for the slot and people it was asked for; until the new one comes, it is "checking".
  const key = slot ? `${slot.start}|${slot.end}|${peopleKey}` : '';
  const [answer, setAnswer] = useState<{ key: string; state: ConflictState }>();
  useEffect(() => {
    if (!calendar || !slot || people.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      calendar
        .freeBusy(people, slot)
        .then(({ busy, unavailable }) => {
          if (live) setAnswer({ key, state: { status: 'ready', conflicts: findConflicts(slot, busy), unavailable } });
        })
        .catch((caught: unknown) => {
          if (live) setAnswer({ key, state: { status: 'error', message: caught instanceof Error ? caught.message : String(caught) } });
        });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The slot's instants and the people are the inputs; new objects with the same values do not recheck.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [calendar, key]);
  if (!calendar || !slot || people.length === 0) return { status: 'idle' };
  return answer?.key === key ? answer.state : { status: 'checking' };
}
