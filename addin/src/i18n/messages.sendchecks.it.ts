import type { SendCheckMessages } from './messages.sendchecks.en';

export const itSendChecks: SendCheckMessages = {
  'sendcheck.notInCrm': '{who} non è nel CRM.',
  'sendcheck.notInCrmMany': '{count} destinatari non sono nel CRM: {list}.',
  'sendcheck.about': '{who}:',
  'sendcheck.urgentCase': 'Caso urgente n. {number} aperto: {subject}.',
  'sendcheck.overduePromise': 'In ritardo: «{subject}», scadenza {date}.',
  'sendcheck.staleDeal': 'Nessuna attività da {days} giorni sulla trattativa «{deal}».',
  'sendcheck.staleDeals': 'Nessuna attività da {days} giorni o più su {count} trattative: {deals}.',
  'sendcheck.more': 'E altri {count}.',
  'sendcheck.createContact': 'Crea contatto',
  'sendcheck.neverLogTenant': 'Nell’elenco «mai registrare» della tua organizzazione: escluso dalla registrazione.',
  'sendcheck.neverLogMine': 'Nel tuo elenco «mai registrare»: escluso dalla registrazione.',
  'sendcheck.unchecked': 'Rapport non è riuscito a controllare questa e-mail prima dell’invio: il CRM non ha risposto in tempo. Non verrà registrata.',
};
