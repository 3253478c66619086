import type { NewContractMessages } from './messages.newcontract.en';

export const itNewContract: NewContractMessages = {
  'contracts.title': 'Contratti di assistenza',
  'contracts.none': 'Ancora nessun contratto di assistenza. Aggiungine uno per registrare cosa copre il cliente e fino a quando.',
  'contracts.new': 'Nuovo contratto',
  'newContract.heading': 'Nuovo contratto di assistenza',
  'newContract.name': 'Nome',
  'newContract.nameHint': 'Come lo conosce il cliente, per esempio «Assistenza Premium 2026».',
  'newContract.startDate': 'Inizia il',
  'newContract.endDate': 'Termina il',
  'newContract.notes': 'Note',
  'newContract.save': 'Salva il contratto',
  'newContract.saving': 'Salvataggio…',
  'newContract.problem.name': 'Dai un nome al contratto.',
  'newContract.problem.date': 'Scegli un giorno.',
  'newContract.problem.endBeforeStart': 'Scegli il giorno in cui inizia o uno successivo.',
};
