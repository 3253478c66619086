import type { enCommerceReports } from './messages.commercereports.en';

export const itCommerceReports: Record<keyof typeof enCommerceReports, string> = {
  'dash.report.quotes-by-owner': 'Preventivi per commerciale',
  'dash.report.quotes-by-month': 'Preventivi per mese',
  'dash.report.orders-by-status': 'Ordini per stato',
  'dash.report.contracts-up-for-renewal': 'Valore dei contratti da rinnovare',
  'dash.column.sent': 'Inviati',
  'dash.column.accepted': 'Accettati',
  'dash.column.declined': 'Rifiutati',
  'dash.column.acceptanceRate': 'Tasso di accettazione',
  'dash.column.acceptedAmount': 'Importo accettato',
  'dash.column.meanDaysToAccept': 'Giorni all’accettazione',
  'dash.column.orders': 'Ordini',
  'dash.column.contracts': 'Contratti',
  'dash.column.autoRenew': 'Si rinnovano da soli',
  'dash.column.annualValue': 'Valore annuo',
  'dash.empty.quotes': 'Nessun preventivo inviato o con risposta in questo periodo. Qui compaiono i preventivi inviati da una trattativa, con le risposte dei clienti.',
  'dash.empty.orders': 'Nessun ordine con questi filtri. Un preventivo che il cliente accetta diventa un ordine e compare qui.',
  'dash.empty.contracts': 'Nessun contratto di assistenza scade da questo mese in poi. I contratti in vigore compaiono qui per il mese in cui scadono.',
};
