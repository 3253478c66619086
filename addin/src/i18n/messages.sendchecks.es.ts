import type { SendCheckMessages } from './messages.sendchecks.en';

export const esSendChecks: SendCheckMessages = {
  'sendcheck.notInCrm': '{who} no está en el CRM.',
  'sendcheck.notInCrmMany': '{count} destinatarios no están en el CRM: {list}.',
  'sendcheck.about': '{who}:',
  'sendcheck.urgentCase': 'Caso urgente n.º {number} abierto: {subject}.',
  'sendcheck.overduePromise': 'Pendiente: «{subject}», vencía el {date}.',
  'sendcheck.staleDeal': 'Sin actividad desde hace {days} días en la oportunidad «{deal}».',
  'sendcheck.staleDeals': 'Sin actividad desde hace {days} días o más en {count} oportunidades: {deals}.',
  'sendcheck.more': 'Y {count} más.',
  'sendcheck.createContact': 'Crear contacto',
  'sendcheck.neverLogTenant': 'En la lista de no registrar de su organización: queda fuera del registro.',
  'sendcheck.neverLogMine': 'En su lista de no registrar: queda fuera del registro.',
  'sendcheck.unchecked': 'Rapport no pudo revisar este correo antes de enviarlo: el CRM no respondió a tiempo. No se registrará.',
};
