// The pane's icons, each imported by name so only these reach its JavaScript.
import {
  ArrowUploadRegular,
  BriefcaseRegular,
  CallRegular,
  CalendarLtrRegular,
  CalendarSearchRegular,
  CalendarTodayRegular,
  ChatHelpRegular,
  CheckmarkCircleRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  HistoryRegular,
  LinkRegular,
  MailRegular,
  NoteRegular,
  PeopleRegular,
  SearchRegular,
  SettingsRegular,
  ShoppingBagRegular,
  TaskListSquareLtrRegular,
  VideoRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ActivityKind, contactMethods } from '@rapport/shared/activities/activity.schema';

export const activityIcons: Record<ActivityKind, FluentIcon> = {
  email: MailRegular,
  call: CallRegular,
  meeting: CalendarLtrRegular,
  task: TaskListSquareLtrRegular,
  note: NoteRegular,
};

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

/** The pane's views, as the navigation shows them. */
export const viewIcons = {
  people: PeopleRegular,
  search: SearchRegular,
  calendar: CalendarLtrRegular,
  home: CalendarTodayRegular,
  import: ArrowUploadRegular,
  settings: SettingsRegular,
} satisfies Record<string, FluentIcon>;

/** The sections of a record below its card. */
export const sectionIcons = {
  timeline: HistoryRegular,
  deals: BriefcaseRegular,
  cases: ChatHelpRegular,
  changes: HistoryRegular,
  purchases: ShoppingBagRegular,
} satisfies Record<string, FluentIcon>;
