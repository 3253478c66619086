import type { RecordPageMessages } from './messages.recordpage.en';

export const ptRecordPage: RecordPageMessages = {
  'recordPage.documentTitle': '{kind} – Rapport',
  'recordPage.brand': 'Rapport',
  'recordPage.toDashboard': 'Painel',
  'recordPage.notFound.title': 'Não há nenhum registro neste endereço',
  'recordPage.notFound.body': 'Este endereço não corresponde a nenhum contato, empresa, negócio, lead, caso ou orçamento que o Rapport possa mostrar. Confira o link que você seguiu, ou encontre o registro no painel do Rapport ou com a Pesquisa do Rapport no Outlook.',
  'recordPage.notFound.action': 'Abrir o painel',
  'dash.quality.recordsOf': 'Registros: {title}',
  'dash.quality.show': 'Mostrar',
  'dash.quality.firstOf': 'Os primeiros {shown} de {count}; cada um abre em uma nova aba:',
  'dash.quality.all': 'Cada um abre em uma nova aba:',
  'dash.quality.opens': '{kind}: {name} (abre em uma nova aba)',
};
