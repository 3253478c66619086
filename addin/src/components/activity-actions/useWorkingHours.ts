import { skipToken, useQuery } from '@tanstack/react-query';
import type { WorkingHours } from '@rapport/shared/appointments/free-slots.rules';
import { workingHoursOf } from '@rapport/shared/activities/quick-dates.rules';
import { graphKeys } from '../../data/calendar';
import { useCalendarLoader } from '../../data/ApiProvider';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The user's working week to plan in: the time zone and working hours of their mailbox (read once from Graph for the
 * whole pane, as scheduling reads them), else the browser's zone and 09:00 Monday to Friday. `known` is false only
 * while the mailbox is being read.
 */
export function useWorkingHours(): { hours: WorkingHours; known: boolean } {
  const load = useCalendarLoader();
  // The same cache entries as the scheduling form's: the calendar module and the settings are read once.
  const calendar = useQuery({ queryKey: graphKeys.calendar, queryFn: load ?? skipToken, staleTime: Infinity, gcTime: Infinity, structuralSharing: false });
  const api = calendar.data;
  const settings = useQuery({ queryKey: graphKeys.mailboxSettings, queryFn: api ? () => api.mailboxSettings() : skipToken, staleTime: Infinity });
  const known = !load || calendar.isError || settings.isError || settings.isSuccess;
  return { hours: workingHoursOf(settings.data, browserTimeZone()), known };
}
