import type { RecordPageMessages } from './messages.recordpage.en';

export const esRecordPage: RecordPageMessages = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Panel',
  'recordPage.notFound.title': 'No hay ningún registro en esta dirección',
  'recordPage.notFound.body': 'Rapport abre contactos, empresas, oportunidades, leads y casos en direcciones como /records/deal/… . Revisa el enlace que seguiste, o busca el registro desde el panel o con Buscar en el panel de Outlook.',
  'recordPage.notFound.action': 'Abrir el panel',
  'dash.quality.recordsOf': 'Registros: {title}',
  'dash.quality.show': 'Mostrarlos',
  'dash.quality.firstOf': 'Los primeros {shown} de {count}; cada uno se abre en una pestaña nueva:',
  'dash.quality.all': 'Cada uno se abre en una pestaña nueva:',
  'dash.quality.opens': '{kind}: {name} (se abre en una pestaña nueva)',
};
