import type { SendCheckMessages } from './messages.sendchecks.en';

export const ptSendChecks: SendCheckMessages = {
  'sendcheck.notInCrm': '{who} não está no CRM.',
  'sendcheck.notInCrmMany': '{count} destinatários não estão no CRM: {list}.',
  'sendcheck.about': '{who}:',
  'sendcheck.urgentCase': 'Caso urgente nº {number} aberto: {subject}.',
  'sendcheck.overduePromise': 'Atrasado: “{subject}”, prazo {date}.',
  'sendcheck.staleDeal': 'Sem atividade há {days} dias no negócio “{deal}”.',
  'sendcheck.staleDeals': 'Sem atividade há {days} dias ou mais em {count} negócios: {deals}.',
  'sendcheck.more': 'E mais {count}.',
  'sendcheck.createContact': 'Criar contato',
  'sendcheck.neverLogTenant': 'Na lista de nunca registrar da sua organização: fica fora do registro.',
  'sendcheck.neverLogMine': 'Na sua lista de nunca registrar: fica fora do registro.',
  'sendcheck.unchecked': 'O Rapport não conseguiu verificar este e-mail antes do envio: o CRM não respondeu a tempo. Ele não será registrado.',
};
