// What the send-time checks say in Outlook's Smart Alert, bundled with the event runtime (events.js) in every language,
// never with the pane. {who} is a recipient: their name and address, or the address alone. The other locales must
// translate each one; the alert's button is at most 20 characters.
export const enSendChecks = {
  'sendcheck.notInCrm': '{who} is not in the CRM.',
  'sendcheck.notInCrmMany': '{count} recipients are not in the CRM: {list}.',
  'sendcheck.about': '{who}:',
  'sendcheck.urgentCase': 'Urgent case #{number} is open: {subject}.',
  'sendcheck.overduePromise': 'Overdue: “{subject}”, due {date}.',
  'sendcheck.staleDeal': 'No activity for {days} days on the deal “{deal}”.',
  'sendcheck.staleDeals': 'No activity for {days} days or more on {count} deals: {deals}.',
  'sendcheck.more': 'And {count} more.',
  'sendcheck.createContact': 'Create contact',
  'sendcheck.neverLogTenant': 'On your organization’s never-log list: left out of the log.',
  'sendcheck.neverLogMine': 'On your never-log list: left out of the log.',
  'sendcheck.unchecked': 'Rapport could not check this e-mail before it was sent: the CRM did not answer in time. It will not be logged.',
} as const;

export type SendCheckMessages = Record<keyof typeof enSendChecks, string>;
