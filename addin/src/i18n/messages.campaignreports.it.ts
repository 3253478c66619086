import type { enCampaignReports } from './messages.campaignreports.en';

// The dashboard's campaign reports: each campaign's funnel from clicks to money won, by channel, affiliate site and
// month.
export const itCampaignReports = {
  'dash.report.campaign-funnel': 'Campagne: dai clic al valore vinto',
  'dash.report.campaign-funnel-by-channel': 'Funnel delle campagne per canale',
  'dash.report.campaign-funnel-by-affiliate': 'Funnel delle campagne per sito affiliato',
  'dash.report.campaign-funnel-by-month': 'Funnel delle campagne per mese',
  'dash.column.clicks': 'Clic',
  'dash.column.clickToLead': 'Da clic a lead (%)',
  'dash.column.leadToConverted': 'Lead convertiti (%)',
  'dash.column.budget': 'Budget',
  'dash.column.costPerLead': 'Costo per lead',
  'dash.column.returnOnBudget': 'Vinto sul budget (%)',
  'dash.empty.campaigns': 'Nessuna campagna ha portato clic o lead in questo periodo. Assegna una campagna a lead, moduli web e link tracciati, e il loro funnel comparirà qui.',
  'dash.channel.email': 'E-mail',
  'dash.channel.ad': 'Annunci',
  'dash.channel.social': 'Social network',
  'dash.channel.affiliate': 'Siti affiliati',
  'dash.channel.event': 'Eventi',
  'dash.channel.web': 'Sito web',
  'dash.channel.other': 'Altro',
} satisfies Record<keyof typeof enCampaignReports, string>;
