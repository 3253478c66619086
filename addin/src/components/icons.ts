// The pane's icons, each imported by name so only these reach its JavaScript.
import {
  AlertUrgentRegular,
  ArrowClockwiseRegular,
  ArrowUploadRegular,
  BriefcaseRegular,
  CalendarAddRegular,
  CalendarClockRegular,
  CalendarLtrRegular,
  CalendarTodayRegular,
  CallRegular,
  ChatHelpRegular,
  CheckmarkCircleRegular,
  ClockAlarmRegular,
  DocumentEditRegular,
  DocumentTextRegular,
  HistoryRegular,
  MailCheckmarkRegular,
  MailRegular,
  NoteAddRegular,
  NoteRegular,
  PeopleRegular,
  PeopleTeamRegular,
  PersonAddRegular,
  SearchRegular,
  SettingsRegular,
  ShoppingBagRegular,
  TaskListSquareAddRegular,
  TaskListSquareLtrRegular,
  type FluentIcon,
} from '@fluentui/react-icons';
import type { ActivityKind } from '@rapport/shared/activities/activity.schema';

export const activityIcons: Record<ActivityKind, FluentIcon> = {
  email: MailRegular,
  call: CallRegular,
  meeting: CalendarLtrRegular,
  task: TaskListSquareLtrRegular,
  note: NoteRegular,
};

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
  changes: DocumentEditRegular,
  purchases: ShoppingBagRegular,
  // The icon compose's template button has: one icon fewer in the first card's JavaScript.
  documents: DocumentTextRegular,
} satisfies Record<string, FluentIcon>;

/** The counters of planned work: overdue, due today, later (or the next days). */
export const counterIcons = {
  overdue: AlertUrgentRegular,
  today: CalendarClockRegular,
  later: ClockAlarmRegular,
} satisfies Record<string, FluentIcon>;

/** What the card offers to do with the person and the e-mail, what it says was done, and reading a record again. */
export const actionIcons = {
  reload: ArrowClockwiseRegular,
  log: MailCheckmarkRegular,
  logged: CheckmarkCircleRegular,
  schedule: CalendarAddRegular,
  note: NoteAddRegular,
  task: TaskListSquareAddRegular,
  // As the timeline shows what they log.
  call: CallRegular,
  meeting: CalendarLtrRegular,
  case: ChatHelpRegular,
  deal: BriefcaseRegular,
  create: PersonAddRegular,
  colleague: PeopleTeamRegular,
} satisfies Record<string, FluentIcon>;

