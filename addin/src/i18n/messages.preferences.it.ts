import type { enPreferences } from './messages.preferences.en';

export const itPreferences: Record<keyof typeof enPreferences, string> = {
  'preferences.heading': 'Le mie preferenze',
  'preferences.help': 'Rapport ha preso il tuo fuso orario e la tua lingua da Outlook quando hai effettuato l’accesso. Cambiali qui.',
  'preferences.digest': 'Inviami ogni mattina per e-mail il piano della mia giornata',
  'preferences.quoteAnswer': "Inviami un'e-mail quando un cliente risponde al mio preventivo",
  'preferences.quoteAnswerHelp': "La mia giornata lo mostra comunque; l'e-mail ti raggiunge anche lontano da Outlook.",
  'preferences.digestHelp': 'Le tue riunioni con le trattative di ogni cliente, le attività in scadenza e scadute, le trattative in chiusura questo mese e il ritmo dei tuoi obiettivi. I responsabili ricevono anche ciò che è scaduto nel loro team.',
  'preferences.hour': 'Invialo a partire dalle',
  'preferences.timeZone': 'Fuso orario',
  'preferences.timeZoneUnset': 'Non impostato (UTC)',
  'preferences.language': 'Lingua dell’e-mail',
  'preferences.languageUnset': 'Non impostata (inglese)',
  'preferences.save': 'Salva preferenze',
  'preferences.saved': 'Preferenze salvate.',
  'preferences.reload': 'Carica le preferenze salvate',
  'preferences.sentAt': 'Arriva una volta al giorno, tra le {from} e le {to} della tua ora.',
  'preferences.memberDigest': '{name} riceve ogni mattina per e-mail il piano della giornata',
};
