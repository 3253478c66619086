import type { LogOnSendMessages } from './messages.logonsend.en';

export const ptLogOnSend: LogOnSendMessages = {
  'logonsend.switch': 'Registrar ao enviar',
  'logonsend.on': 'Será registrado em {who} depois que você enviar.',
  'logonsend.onWithDeal': 'Será registrado em {who} e no negócio “{deal}” depois que você enviar.',
  'logonsend.onUnknown': 'Será registrado depois que você enviar, nos destinatários que o CRM conhece.',
  'logonsend.off': 'Não será registrado.',
  'logonsend.notSaved': 'O Outlook não conseguiu guardar esta escolha no rascunho: tente de novo.',
};
