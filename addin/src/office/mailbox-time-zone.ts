/**
 * The mailbox's time zone as this Outlook names it: IANA (`Europe/Madrid`) on the web and new Outlook, Windows
 * (`Romance Standard Time`) on classic Windows; undefined when the host says nothing.
 */
export function mailboxTimeZone(): string | undefined {
  try {
    return Office.context.mailbox?.userProfile?.timeZone || undefined;
  } catch {
    return undefined;
  }
}
