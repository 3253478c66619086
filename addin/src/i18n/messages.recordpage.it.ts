import type { RecordPageMessages } from './messages.recordpage.en';

export const itRecordPage: RecordPageMessages = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Dashboard',
  'recordPage.notFound.title': 'Non c’è nessun record a questo indirizzo',
  'recordPage.notFound.body': 'Questo indirizzo non corrisponde a nessun contatto, azienda, opportunità, lead, caso o preventivo che Rapport possa mostrare. Controlla il link che hai seguito, oppure trova il record dalla dashboard o con Cerca nel riquadro di Rapport in Outlook.',
  'recordPage.notFound.action': 'Apri la dashboard',
  'dash.quality.recordsOf': 'Record: {title}',
  'dash.quality.show': 'Mostrali',
  'dash.quality.firstOf': 'I primi {shown} di {count}; ognuno si apre in una nuova scheda:',
  'dash.quality.all': 'Ognuno si apre in una nuova scheda:',
  'dash.quality.opens': '{kind}: {name} (si apre in una nuova scheda)',
};
