// The messages of the record view (a contact, company, deal, lead or case opened on its own), part of the later
// messages (messages.later.en.ts). The other locales must translate each one.
export const enRecords = {
  'record.back': 'Back',
  'record.kind.contact': 'Contact',
  'record.kind.company': 'Company',
  'record.kind.deal': 'Deal',
  'record.kind.lead': 'Lead',
  'record.kind.case': 'Case',
} as const;

export type RecordMessages = Record<keyof typeof enRecords, string>;
