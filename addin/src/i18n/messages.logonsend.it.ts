import type { LogOnSendMessages } from './messages.logonsend.en';

export const itLogOnSend: LogOnSendMessages = {
  'logonsend.switch': 'Registra all’invio',
  'logonsend.on': 'Verrà registrata su {who} dopo l’invio.',
  'logonsend.onWithDeal': 'Verrà registrata su {who} e sull’opportunità «{deal}» dopo l’invio.',
  'logonsend.onUnknown': 'Verrà registrata dopo l’invio, sui destinatari che il CRM conosce.',
  'logonsend.off': 'Non verrà registrata.',
  'logonsend.notSaved': 'Outlook non è riuscito a salvare questa scelta nella bozza: riprova.',
};
