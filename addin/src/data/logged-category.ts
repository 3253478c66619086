import { LOGGED_CATEGORY } from '@rapport/shared/email/mail-capture';
import { openMessageCategories } from '../office/item-categories';
import type { CalendarLoader } from './calendar';

// A logged e-mail gets the Outlook category "Logged to Rapport", so the rep sees in the message list what the CRM has.
// The server cannot (its Graph permissions are Mail.Read and Mail.Send): the pane marks the message it shows. A category
// is a convenience: any failure is told to the console only.

// Per mailbox, the master list is made to have the category once a session: one Graph call at most.
const masterLists = new Map<string, Promise<void>>();

/** Puts "Logged to Rapport" on the open message, creating the category in the mailbox's master list when missing. */
export async function markOpenMessageLogged(loadCalendar: CalendarLoader): Promise<void> {
  try {
    const message = openMessageCategories();
    if (!message || (await message.has(LOGGED_CATEGORY))) return;
    let listed = masterLists.get(message.mailbox);
    if (!listed) {
      listed = loadCalendar().then((graph) => graph.ensureMasterCategory(LOGGED_CATEGORY));
      masterLists.set(message.mailbox, listed);
    }
    await listed;
    await message.add(LOGGED_CATEGORY);
  } catch (error) {
    console.debug('Rapport could not put its category on the logged e-mail', error);
  }
}
