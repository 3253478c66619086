import type { enCampaignReports } from './messages.campaignreports.en';

// The dashboard's campaign reports: each campaign's funnel from clicks to money won, by channel, affiliate site and
// month.
export const ptCampaignReports = {
  'dash.report.campaign-funnel': 'Campanhas: dos cliques ao valor ganho',
  'dash.report.campaign-funnel-by-channel': 'Funil de campanhas por canal',
  'dash.report.campaign-funnel-by-affiliate': 'Funil de campanhas por site afiliado',
  'dash.report.campaign-funnel-by-month': 'Funil de campanhas por mês',
  'dash.column.clicks': 'Cliques',
  'dash.column.clickToLead': 'De cliques a leads (%)',
  'dash.column.leadToConverted': 'Leads convertidos (%)',
  'dash.column.budget': 'Orçamento',
  'dash.column.costPerLead': 'Custo por lead',
  'dash.column.returnOnBudget': 'Ganho sobre o orçamento (%)',
  'dash.empty.campaigns': 'Nenhuma campanha trouxe cliques ou leads neste período. Associe uma campanha aos leads, formulários web e links rastreados, e o funil dela aparece aqui.',
  'dash.channel.email': 'E-mail',
  'dash.channel.ad': 'Anúncios',
  'dash.channel.social': 'Redes sociais',
  'dash.channel.affiliate': 'Sites afiliados',
  'dash.channel.event': 'Eventos',
  'dash.channel.web': 'Site',
  'dash.channel.other': 'Outros',
} satisfies Record<keyof typeof enCampaignReports, string>;
