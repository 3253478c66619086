import { createContext, useContext } from 'react';
import type { CalendarLoader } from './calendar';

const CalendarLoaderContext = createContext<CalendarLoader | null>(null);

/** Gives the views below it the Graph calendar's loader (the mailbox's zone and working hours come through it). */
export const CalendarLoaderProvider = CalendarLoaderContext.Provider;

/** The Graph calendar's loader; null where there is none (tests, pages without Outlook): then the browser's zone is used. */
export function useCalendarLoader(): CalendarLoader | null {
  return useContext(CalendarLoaderContext);
}
