import type { LogOnSendMessages } from './messages.logonsend.en';

export const esLogOnSend: LogOnSendMessages = {
  'logonsend.switch': 'Registrar al enviar',
  'logonsend.on': 'Se registrará en {who} al enviarlo.',
  'logonsend.onWithDeal': 'Se registrará en {who} y en la oportunidad «{deal}» al enviarlo.',
  'logonsend.onUnknown': 'Se registrará al enviarlo, en los destinatarios que conoce el CRM.',
  'logonsend.off': 'No se registrará.',
  'logonsend.notSaved': 'Outlook no pudo guardar esta opción en el borrador: inténtelo de nuevo.',
};
