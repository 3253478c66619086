import type { enCommerceReports } from './messages.commercereports.en';

export const esCommerceReports: Record<keyof typeof enCommerceReports, string> = {
  'dash.report.quotes-by-owner': 'Presupuestos por comercial',
  'dash.report.quotes-by-month': 'Presupuestos por mes',
  'dash.report.orders-by-status': 'Pedidos por estado',
  'dash.report.contracts-up-for-renewal': 'Valor de contratos por renovar',
  'dash.column.sent': 'Enviados',
  'dash.column.accepted': 'Aceptados',
  'dash.column.declined': 'Rechazados',
  'dash.column.acceptanceRate': 'Tasa de aceptación',
  'dash.column.acceptedAmount': 'Importe aceptado',
  'dash.column.meanDaysToAccept': 'Días hasta aceptar',
  'dash.column.orders': 'Pedidos',
  'dash.column.contracts': 'Contratos',
  'dash.column.autoRenew': 'Se renuevan solos',
  'dash.column.annualValue': 'Valor anual',
  'dash.empty.quotes': 'Ningún presupuesto enviado ni respondido en este periodo. Aquí aparecen los presupuestos enviados desde una oportunidad, con las respuestas de los clientes.',
  'dash.empty.orders': 'No hay pedidos con estos filtros. Un presupuesto que el cliente acepta se convierte en pedido y aparece aquí.',
  'dash.empty.contracts': 'Ningún contrato de servicio termina a partir de este mes. Los contratos en vigor aparecen aquí por el mes en que terminan.',
};
