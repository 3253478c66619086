// Never-log lists: a rep's own (offered on the card of someone the CRM does not have, kept under My day) and the
// tenant's (admins, in Settings). Part of the later messages (messages.later.en.ts); the other locales translate each.
export const enNeverLog = {
  'neverLog.heading': 'Never logged',
  'neverLog.help': 'Mail with these addresses, or with anyone at these domains, is never logged to the CRM: personal contacts, private mail.',
  'neverLog.mine': 'Your list',
  'neverLog.tenant': 'Your organization’s list',
  'neverLog.tenantHelp': 'Set by your admins; it applies to everyone.',
  'neverLog.empty': 'Your list is empty. Add an address, or a domain such as gmail.com for everyone there.',
  'neverLog.entry': 'Address or domain',
  'neverLog.entryHint': 'Such as jane@example.com, or example.com for everyone there',
  'neverLog.add': 'Add to the list',
  'neverLog.remove': 'Remove {entry} from the list',
  'neverLog.invalid': 'Enter an e-mail address such as jane@example.com, or a domain such as example.com.',
  'neverLog.already': '{entry} is on the list already.',
  'neverLog.tooMany': 'The list holds {count} entries at most.',
  'neverLog.reload': 'Load the saved list (your change here is dropped)',
  'neverLog.offerAddress': 'Never log mail with this address',
  'neverLog.offerDomain': 'Never log mail with anyone at {domain}',
  'neverLog.addedAddress': 'Mail with {entry} will not be logged. Your list is under My day.',
  'neverLog.addedDomain': 'Mail with anyone at {entry} will not be logged. Your list is under My day.',
  'neverLog.onMine': 'Mail with {email} is not logged: {entry} is on your never-log list.',
  'neverLog.onTenant': 'Mail with {email} is not logged: your organization’s never-log list names it.',
  'neverLog.undo': 'Undo',
  'neverLog.takeOff': 'Log it again',
  'neverLog.adminHelp': 'Mail with these addresses, or with anyone at these domains, is never logged for anyone in your organization. Reps keep their own lists too.',
  'neverLog.adminEmpty': 'None yet. Add an address, or a domain such as a partner’s.',
  'neverLog.save': 'Save',
  'neverLog.saved': 'Saved.',
  'settings.neverLog': 'Never logged',
} as const;

export type NeverLogMessages = Record<keyof typeof enNeverLog, string>;
