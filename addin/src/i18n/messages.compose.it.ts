import type { ComposeMessages } from './messages.compose.en';

export const itCompose: ComposeMessages = {
  'compose.noRecipients': 'Aggiungi i destinatari: ciò che il CRM sa di loro compare qui mentre scrivi.',
  'compose.insertTemplate': 'Inserisci un modello',
  'compose.insertQuote': 'Inserisci preventivo',
  'compose.tools': 'Scrivi con il CRM',
};
