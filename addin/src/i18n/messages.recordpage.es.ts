import type { RecordPageMessages } from './messages.recordpage.en';

export const esRecordPage: RecordPageMessages = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Panel',
  'recordPage.notFound.title': 'No hay ningún registro en esta dirección',
  'recordPage.notFound.body': 'Esta dirección no corresponde a ningún contacto, empresa, oportunidad, lead, caso o presupuesto que Rapport pueda mostrar. Revisa el enlace que seguiste, o busca el registro en el panel de Rapport o con Buscar en Rapport dentro de Outlook.',
  'recordPage.notFound.action': 'Abrir el panel',
  'dash.quality.recordsOf': 'Registros: {title}',
  'dash.quality.show': 'Mostrarlos',
  'dash.quality.firstOf': 'Los primeros {shown} de {count}; cada uno se abre en una pestaña nueva:',
  'dash.quality.all': 'Cada uno se abre en una pestaña nueva:',
  'dash.quality.opens': '{kind}: {name} (se abre en una pestaña nueva)',
};
