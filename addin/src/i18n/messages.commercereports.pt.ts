import type { enCommerceReports } from './messages.commercereports.en';

export const ptCommerceReports: Record<keyof typeof enCommerceReports, string> = {
  'dash.report.quotes-by-owner': 'Propostas por vendedor',
  'dash.report.quotes-by-month': 'Propostas por mês',
  'dash.report.orders-by-status': 'Pedidos por status',
  'dash.report.contracts-up-for-renewal': 'Valor de contratos a renovar',
  'dash.column.sent': 'Enviadas',
  'dash.column.accepted': 'Aceitas',
  'dash.column.declined': 'Recusadas',
  'dash.column.acceptanceRate': 'Taxa de aceitação',
  'dash.column.acceptedAmount': 'Valor aceito',
  'dash.column.meanDaysToAccept': 'Dias até aceitar',
  'dash.column.orders': 'Pedidos',
  'dash.column.contracts': 'Contratos',
  'dash.column.autoRenew': 'Renovam sozinhos',
  'dash.column.annualValue': 'Valor anual',
  'dash.empty.quotes': 'Nenhuma proposta enviada ou respondida neste período. As propostas enviadas de um negócio aparecem aqui, com as respostas dos clientes.',
  'dash.empty.orders': 'Nenhum pedido com estes filtros. Uma proposta que o cliente aceita vira pedido e aparece aqui.',
  'dash.empty.contracts': 'Nenhum contrato de serviço termina a partir deste mês. Os contratos em vigor aparecem aqui pelo mês em que terminam.',
};
