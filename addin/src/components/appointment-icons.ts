// Icons of the calendar, agendas and booking, which load on first use.
import {
  CalendarSearchRegular,
  CalendarTodayRegular,
  CallRegular,
  CheckmarkCircleRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  LinkRegular,
  MailRegular,
  PeopleRegular,
  VideoRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { contactMethods } from '@rapport/shared/activities/activity.schema';

/** How an appointment is held, as its entry in an agenda shows it. */
export const methodIcons: Record<(typeof contactMethods)[number], FluentIcon> = {
  'online-meeting': VideoRegular,
  phone: CallRegular,
  'in-person': PeopleRegular,
  email: MailRegular,
};

/** The calendar's toolbar: move by a day or a week, back to today. */
export const calendarIcons = {
  previous: ChevronLeftRegular,
  next: ChevronRightRegular,
  today: CalendarTodayRegular,
} satisfies Record<string, FluentIcon>;

/** Booking and linking appointments: everyone free, find free times, link a meeting to the CRM. */
export const appointmentIcons = {
  free: CheckmarkCircleRegular,
  suggest: CalendarSearchRegular,
  link: LinkRegular,
} satisfies Record<string, FluentIcon>;
