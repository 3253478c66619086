import type { RecordMessages } from './messages.records.en';

export const ptRecords: RecordMessages = {
  'record.back': 'Voltar',
  'record.kind.contact': 'Contato',
  'record.kind.company': 'Empresa',
  'record.kind.deal': 'Negócio',
  'record.kind.lead': 'Lead',
  'record.kind.case': 'Caso',
};
