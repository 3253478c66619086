import type { NewContractMessages } from './messages.newcontract.en';

export const esNewContract: NewContractMessages = {
  'contracts.title': 'Contratos de servicio',
  'contracts.none': 'Aún no hay contratos de servicio. Añade uno para registrar qué tiene cubierto el cliente y hasta cuándo.',
  'contracts.new': 'Nuevo contrato',
  'newContract.heading': 'Nuevo contrato de servicio',
  'newContract.name': 'Nombre',
  'newContract.nameHint': 'Como lo conoce el cliente, por ejemplo «Soporte Premium 2026».',
  'newContract.startDate': 'Empieza el',
  'newContract.endDate': 'Termina el',
  'newContract.notes': 'Notas',
  'newContract.save': 'Guardar el contrato',
  'newContract.saving': 'Guardando…',
  'newContract.problem.name': 'Pon un nombre al contrato.',
  'newContract.problem.date': 'Elige un día.',
  'newContract.problem.endBeforeStart': 'Elige el mismo día en que empieza o uno posterior.',
};
