import { officeAsync } from './office-async';
import { LOG_CHOICE_PROPERTY, parseLogChoice, storedLogChoice, type DraftLogChoice } from './log-choice-property';

// The pane's side of Log on send: reads and saves the rep's choice on the open draft (custom properties, Mailbox 1.1).
// Loaded with the compose tools only, never with the first card.

/** Where the pane keeps the rep's Log on send choice: on the draft, so the send handler reads it with the pane closed. */
export type LogChoiceStore = {
  /** The choice saved on the draft, or null when the rep made none. */
  read(): Promise<DraftLogChoice | null>;
  save(choice: DraftLogChoice): Promise<void>;
};

function openDraftProperties(): Promise<Office.CustomProperties> {
  const item = Office.context.mailbox.item;
  if (!item) return Promise.reject(new Error('No draft is open'));
  return officeAsync<Office.CustomProperties>((callback) => item.loadCustomPropertiesAsync(callback));
}

/** The open draft's Log on send choice, through Office. */
export const draftLogChoiceStore: LogChoiceStore = {
  read: async () => parseLogChoice((await openDraftProperties()).get(LOG_CHOICE_PROPERTY)),
  save: async (choice) => {
    const properties = await openDraftProperties();
    properties.set(LOG_CHOICE_PROPERTY, storedLogChoice(choice));
    await officeAsync<void>((callback) => properties.saveAsync(callback));
  },
};
