/**
 * The delegated Microsoft Graph scopes the add-in asks for, each for the least it needs: free/busy
 * with `Calendars.ReadBasic`, suggestions with `Calendars.Read`, booking with `Calendars.ReadWrite`,
 * the mailbox's time zone and working hours (and its category list) with `MailboxSettings.Read`, and
 * creating the "Logged to Rapport" category in the master list with `MailboxSettings.ReadWrite`
 * (Office.js could only with ReadWriteMailbox).
 */
export const GRAPH_SCOPES = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'MailboxSettings.ReadWrite'] as const;
export type GraphScope = (typeof GRAPH_SCOPES)[number];
