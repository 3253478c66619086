import { officeAsync } from './office-async';

/** The signed-in user as Outlook knows them. */
export function currentUser(): { email: string; name: string } {
  const profile = Office.context.mailbox.userProfile;
  return { email: profile.emailAddress, name: profile.displayName };
}

/** Office's display language, e.g. "es-ES"; English when Office does not say. */
export function displayLanguage(): string {
  return Office.context.displayLanguage || 'en-US';
}

export function mailbox(): Office.Mailbox {
  return Office.context.mailbox;
}

/** Calls `handler` whenever the user selects another item in a pinned pane. Resolves once registered. */
export async function onItemChanged(handler: () => void): Promise<void> {
  await officeAsync<void>((callback) => Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler, callback));
}

export function isSetSupported(name: string, version: string): boolean {
  return Office.context.requirements?.isSetSupported(name, version) ?? false;
}
