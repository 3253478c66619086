import { calendarApi, type CalendarApi } from './calendar';
import { createGraphClient, type GraphClientOptions } from './graph-client';

/** The pane's entry to its calendar: a Graph client and the calendar calls on it (a chunk of its own). */
export async function openCalendar(options: Pick<GraphClientOptions, 'baseUrl' | 'getToken'>): Promise<CalendarApi> {
  return calendarApi(createGraphClient(options));
}
