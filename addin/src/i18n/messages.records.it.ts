import type { RecordMessages } from './messages.records.en';

export const itRecords: RecordMessages = {
  'record.back': 'Indietro',
  'record.kind.contact': 'Contatto',
  'record.kind.company': 'Azienda',
  'record.kind.deal': 'Opportunità',
  'record.kind.lead': 'Lead',
  'record.kind.case': 'Caso',
};
