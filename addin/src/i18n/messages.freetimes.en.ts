// The messages of "Insert free times" (the times a rep proposes in a new e-mail), part of the later messages
// (messages.later.en.ts). `freetimes.text.*` are written into the e-mail itself. The other locales must translate each one.
export const enFreeTimes = {
  'freetimes.heading': 'Insert free times',
  'freetimes.length': 'Length',
  'freetimes.halfHour': '30 minutes',
  'freetimes.hour': '1 hour',
  'freetimes.searching': 'Looking for free times in your calendar…',
  'freetimes.slots': 'Times to offer',
  'freetimes.writeIn': 'Write the times in',
  'freetimes.theirZone': '{name}’s time: {zone}',
  'freetimes.myZone': 'My time: {zone}',
  'freetimes.fromOutlook': '{name}’s time zone comes from Outlook.',
  'freetimes.fromAddress': '{name}’s time zone comes from their address in the CRM ({country}).',
  'freetimes.sameZone': 'Times in {zone}, {name}’s time zone and yours.',
  'freetimes.ownZoneOnly': 'Times in {zone}, your time zone: the recipient’s is not known.',
  'freetimes.insert': 'Insert',
  'freetimes.inserting': 'Inserting…',
  'freetimes.noneChosen': 'Tick at least one time to insert.',
  'freetimes.none': 'No free time in the next 5 working days — pick times in your calendar.',
  'freetimes.noneTryShorter': 'No free time in the next 5 working days — try 30 minutes, or pick times in your calendar.',
  'freetimes.tryShorter': 'Try 30 minutes',
  'freetimes.failed': 'Could not read your free times in Outlook.',
  'freetimes.insertFailed': 'The times could not be inserted into the e-mail.',
  'freetimes.inserted': 'Times inserted into the e-mail.',
  'freetimes.text.heading': 'Would one of these times suit you?',
  'freetimes.text.zoneNote': '(Times in {zone})',
} as const;

export type FreeTimesMessages = Record<keyof typeof enFreeTimes, string>;
