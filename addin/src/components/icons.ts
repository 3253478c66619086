// The pane's icons, each imported by name so only these reach its JavaScript.
import {
  ArrowUploadRegular,
  BoxRegular,
  BriefcaseRegular,
  BuildingRegular,
  CallRegular,
  CalendarLtrRegular,
  CalendarTodayRegular,
  ChatHelpRegular,
  DataFunnelRegular,
  FormRegular,
  HistoryRegular,
  MailRegular,
  MapRegular,
  MoneyRegular,
  NoteRegular,
  PeopleRegular,
  PeopleTeamRegular,
  SearchRegular,
  SettingsRegular,
  ShoppingBagRegular,
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
  changes: HistoryRegular,
  purchases: ShoppingBagRegular,
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
