import type { enCampaignReports } from './messages.campaignreports.en';

// The dashboard's campaign reports: each campaign's funnel from clicks to money won, by channel, affiliate site and
// month.
export const esCampaignReports = {
  'dash.report.campaign-funnel': 'Campañas: de los clics al dinero ganado',
  'dash.report.campaign-funnel-by-channel': 'Embudo de campañas por canal',
  'dash.report.campaign-funnel-by-affiliate': 'Embudo de campañas por sitio afiliado',
  'dash.report.campaign-funnel-by-month': 'Embudo de campañas por mes',
  'dash.column.clicks': 'Clics',
  'dash.column.clickToLead': 'De clics a leads (%)',
  'dash.column.leadToConverted': 'Leads convertidos (%)',
  'dash.column.budget': 'Presupuesto',
  'dash.column.costPerLead': 'Coste por lead',
  'dash.column.returnOnBudget': 'Ganado sobre presupuesto (%)',
  'dash.empty.campaigns': 'Ninguna campaña trajo clics ni leads en este periodo. Asigna una campaña a los leads, los formularios web y los enlaces con seguimiento, y su embudo aparecerá aquí.',
  'dash.channel.email': 'Correo electrónico',
  'dash.channel.ad': 'Anuncios',
  'dash.channel.social': 'Redes sociales',
  'dash.channel.affiliate': 'Sitios afiliados',
  'dash.channel.event': 'Eventos',
  'dash.channel.web': 'Sitio web',
  'dash.channel.other': 'Otros',
} satisfies Record<keyof typeof enCampaignReports, string>;
