import type { enServiceReports } from './messages.servicereports.en';

export const itServiceReports: Record<keyof typeof enServiceReports, string> = {
  'dash.report.service-levels-by-month': 'Livelli di servizio per mese',
  'dash.report.service-levels-by-owner': 'Livelli di servizio per operatore',
  'dash.column.responseMet': 'Risposti in tempo',
  'dash.column.responseRate': 'Risposti in tempo (%)',
  'dash.column.resolutionMet': 'Risolti in tempo',
  'dash.column.resolutionRate': 'Risolti in tempo (%)',
  'dash.empty.serviceLevels': 'Nessun caso con livello di servizio chiuso in questo periodo. I casi aperti da ora in poi hanno una scadenza di prima risposta e di risoluzione, e compaiono qui una volta chiusi.',
  'dash.report.articles-answering-cases': 'Articoli che hanno risposto a più casi',
  'dash.column.cases': 'Casi risposti',
  'dash.empty.answers': 'Nessun articolo ha risposto a un caso in questo periodo. Qui compaiono gli articoli inseriti nelle risposte dal riquadro.',
};
