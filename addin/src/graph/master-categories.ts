import { AuthenticationHandlerOptions, GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { GraphScope } from '@rapport/shared/contract/graph-scopes';

// The mailbox's master category list, through delegated Graph: Office.js could change it only with ReadWriteMailbox,
// which Rapport does not ask. Reading takes MailboxSettings.Read; creating, MailboxSettings.ReadWrite.

type OutlookCategory = { displayName?: string };

/** Graph's preset colours by name (`preset4` is green in Outlook's palette). */
const GREEN = 'preset4';

/** Makes sure the mailbox's master list has a category of this name (created green when missing). */
export async function ensureMasterCategory(client: Client, displayName: string): Promise<void> {
  const api = (scope: GraphScope) => client.api('/me/outlook/masterCategories').middlewareOptions([new AuthenticationHandlerOptions(undefined, { scopes: [scope] })]);
  const list = (await api('MailboxSettings.Read').get()) as { value?: OutlookCategory[] };
  // Outlook compares category names without case.
  if ((list.value ?? []).some((category) => category.displayName?.toLowerCase() === displayName.toLowerCase())) return;
  try {
    await api('MailboxSettings.ReadWrite').post({ displayName, color: GREEN });
  } catch (error) {
    // Created meanwhile (another pane of the same mailbox): it exists, which is all that was wanted.
    if (error instanceof GraphError && error.statusCode === 409) return;
    throw error;
  }
}
