import type { DealMessages } from './messages.deals.en';

export const itDeals: DealMessages = {
  'newDeal.name': 'Nome dell’opportunità',
  'newDeal.amount': 'Importo',
  'newDeal.currency': 'Valuta',
  'newDeal.expectedClose': 'Chiusura prevista',
  'newDeal.nextStep': 'Passo successivo',
  'newDeal.nextStepHint': 'Cosa la fa avanzare, ad es. “Inviare l’offerta entro venerdì”.',
  'newDeal.with': 'Con {names}',
  'newDeal.save': 'Crea opportunità',
  'newDeal.loading': 'Caricamento delle fasi e delle valute…',
  'newDeal.created': 'Opportunità “{name}” creata.',
  'newDeal.open': 'Apri opportunità',
  'newDeal.problem.notANumber': 'Scrivi l’importo come numero, ad es. {example}.',
  'newDeal.problem.negative': 'Un importo non può essere inferiore a zero.',
  'newDeal.problem.tooLarge': 'Questo importo è troppo grande.',
  'newDeal.problem.decimals': 'Gli importi in {currency} hanno al massimo {digits} decimali.',
  'newDeal.problem.date': 'Scegli una data.',
};
