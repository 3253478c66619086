import type { RecordMessages } from './messages.records.en';

export const esRecords: RecordMessages = {
  'record.back': 'Atrás',
  'record.kind.contact': 'Contacto',
  'record.kind.company': 'Empresa',
  'record.kind.deal': 'Oportunidad',
  'record.kind.lead': 'Lead',
  'record.kind.case': 'Caso',
};
