// Icons of the parts that load on first use: changing records in their sections, and the settings.
import {
  AddRegular,
  BoxRegular,
  BuildingRegular,
  CheckmarkCircleRegular,
  DataFunnelRegular,
  DeleteRegular,
  DismissCircleRegular,
  EditRegular,
  FormRegular,
  HistoryRegular,
  MapRegular,
  MailCheckmarkRegular,
  MoneyRegular,
  PeopleTeamRegular,
  ReceiptRegular,
  SaveRegular,
  type FluentIcon,
} from '@fluentui/react-icons';

/** Changing a record in its sections: change it, its history, add or remove a line, close it won or lost, save. */
export const editIcons = {
  edit: EditRegular,
  history: HistoryRegular,
  add: AddRegular,
  remove: DeleteRegular,
  won: CheckmarkCircleRegular,
  lost: DismissCircleRegular,
  save: SaveRegular,
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
  sendChecks: MailCheckmarkRegular,
  quotes: ReceiptRegular,
} satisfies Record<string, FluentIcon>;
