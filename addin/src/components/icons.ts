// The pane's icons, each imported by name so only these reach its JavaScript.
import {
  AddRegular,
  AlertUrgentRegular,
  ArrowClockwiseRegular,
  ArrowUploadRegular,
  BoxRegular,
  BriefcaseRegular,
  BuildingRegular,
  CalendarAddRegular,
  CalendarClockRegular,
  CalendarLtrRegular,
  CalendarSearchRegular,
  CalendarTodayRegular,
  CallRegular,
  ChatHelpRegular,
  CheckmarkCircleRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  ClockAlarmRegular,
  DataFunnelRegular,
  DeleteRegular,
  DismissCircleRegular,
  DocumentEditRegular,
  EditRegular,
  FormRegular,
  HistoryRegular,
  LinkRegular,
  MailCheckmarkRegular,
  MailRegular,
  MapRegular,
  MoneyRegular,
  NoteAddRegular,
  NoteRegular,
  PeopleRegular,
  PeopleTeamRegular,
  PersonAddRegular,
  SaveRegular,
  SearchRegular,
  SettingsRegular,
  ShoppingBagRegular,
  TaskListSquareAddRegular,
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
  changes: DocumentEditRegular,
  purchases: ShoppingBagRegular,
} satisfies Record<string, FluentIcon>;

/** The counters of planned work: overdue, due today, later (or the next days). */
export const counterIcons = {
  overdue: AlertUrgentRegular,
  today: CalendarClockRegular,
  later: ClockAlarmRegular,
} satisfies Record<string, FluentIcon>;

/** Actions: on a record in its sections (change it, its history, add or remove a line, close it, read it again, save), and
 * what the card offers to do with the person and the e-mail, and what it says was done. */
export const actionIcons = {
  edit: EditRegular,
  history: HistoryRegular,
  add: AddRegular,
  remove: DeleteRegular,
  won: CheckmarkCircleRegular,
  lost: DismissCircleRegular,
  reload: ArrowClockwiseRegular,
  save: SaveRegular,
  log: MailCheckmarkRegular,
  logged: CheckmarkCircleRegular,
  schedule: CalendarAddRegular,
  note: NoteAddRegular,
  task: TaskListSquareAddRegular,
  case: ChatHelpRegular,
  create: PersonAddRegular,
  colleague: PeopleTeamRegular,
} satisfies Record<string, FluentIcon>;

/** The sections of the settings, as an admin opens them. */
export const settingsIcons = {
  members: PeopleTeamRegular,
  pipeline: DataFunnelRegular,
  products: BoxRegular,
  currencies: MoneyRegular,
  territories: MapRegular,
  forms: FormRegular,
  domains: BuildingRegular,
} satisfies Record<string, FluentIcon>;
