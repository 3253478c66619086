// Outlook categories on the open message (Mailbox 1.8, ReadWriteItem): the pane marks what the CRM has logged. Loaded on
// first use, never with the first card; it wraps Office's callbacks itself (importing office-async.ts from this chunk
// would split that module out of the first card's JavaScript into a chunk of its own: measured 0.9 KB more).

function categoryCall<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(new Error(result.error?.message ?? 'The Office call failed'))));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The open message's categories, and whose mailbox it is in. */
export type OpenMessageCategories = {
  mailbox: string;
  has(name: string): Promise<boolean>;
  /** Adds a category of the mailbox's master list (Outlook refuses others). */
  add(name: string): Promise<void>;
};

/** The open received message's categories; null where there is none, or Outlook lacks Mailbox 1.8. */
export function openMessageCategories(): OpenMessageCategories | null {
  if (typeof Office === 'undefined' || !Office.context?.requirements?.isSetSupported('Mailbox', '1.8')) return null;
  const { mailbox } = Office.context;
  const item = mailbox.item as Office.MessageRead | undefined;
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Message || !item.categories) return null;
  const categories = item.categories;
  return {
    mailbox: mailbox.userProfile.emailAddress.toLowerCase(),
    has: async (name) =>
      (await categoryCall<Office.CategoryDetails[]>((callback) => categories.getAsync(callback))).some((category) => category.displayName.toLowerCase() === name.toLowerCase()),
    add: (name) => categoryCall<void>((callback) => categories.addAsync([name], callback)),
  };
}
