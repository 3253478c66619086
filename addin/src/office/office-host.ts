import { officeAsync } from './office-async';
import { insertIntoDraft, onRecipientsChanged, type ComposeContent } from './compose-item';
import { isDraft, readBodyExcerpt, readMailItem, type MailItem } from './mail-item';
import { themeOf, type PaneTheme } from './office-theme';

/**
 * Outlook as the pane sees it, in plain data and plain callbacks: who the user is, their language and theme, the open
 * item and its changes. Everything Office.js is touched here (and in the rest of addin/src/office/); components get
 * this, never `Office`.
 */
export type OutlookHost = {
  user: { email: string; name: string };
  /** Office's display language, e.g. "es-ES"; English when Office does not say. */
  displayLanguage: string;
  theme: PaneTheme;
  /** The open item, or null when none is. */
  readItem(): Promise<MailItem | null>;
  /** The first characters of the open message's body as text, for logging. */
  readBodyExcerpt(): Promise<string>;
  /**
   * Calls `handler` whenever the user selects another item in a pinned pane, or changes a draft's recipients.
   * Resolves once registered.
   */
  onItemChanged(handler: () => void): Promise<void>;
  /** Puts content into the open draft at the cursor (its signature stays); rejects when no draft is open. */
  insertIntoDraft(content: ComposeContent): Promise<{ subjectSet: boolean }>;
  isSetSupported(name: string, version: string): boolean;
};

/** Waits for Office, then describes Outlook to the pane. */
export async function connectOutlook(): Promise<OutlookHost> {
  await Office.onReady();
  const { mailbox } = Office.context;
  return {
    user: { email: mailbox.userProfile.emailAddress, name: mailbox.userProfile.displayName },
    displayLanguage: Office.context.displayLanguage || 'en-US',
    theme: themeOf(Office.context.officeTheme, matchMedia('(forced-colors: active)').matches),
    readItem: () => readMailItem(mailbox),
    readBodyExcerpt: () => readBodyExcerpt(mailbox),
    // A compose window keeps its draft: what changes there is who it goes to.
    onItemChanged: async (handler) =>
      isDraft(mailbox.item)
        ? onRecipientsChanged(mailbox, handler)
        : officeAsync<void>((callback) => mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler, callback)),
    insertIntoDraft: (content) => insertIntoDraft(mailbox, content),
    isSetSupported,
  };
}

export function isSetSupported(name: string, version: string): boolean {
  return Office.context.requirements?.isSetSupported(name, version) ?? false;
}
