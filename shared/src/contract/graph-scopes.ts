/**
 * The delegated Microsoft Graph scopes the add-in asks for, each for the least it needs: free/busy
 * with `Calendars.ReadBasic`, suggestions with `Calendars.Read`, booking with `Calendars.ReadWrite`,
 * the mailbox's time zone and working hours with `MailboxSettings.Read`.
 */
export const GRAPH_SCOPES = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read'] as const;
export type GraphScope = (typeof GRAPH_SCOPES)[number];
