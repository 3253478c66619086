// The dashboard's campaign reports: each campaign's funnel from clicks to money won, by channel, affiliate site and
// month. The other locales must translate each one.
export const enCampaignReports = {
  'dash.report.campaign-funnel': 'Campaigns: from clicks to money won',
  'dash.report.campaign-funnel-by-channel': 'Campaign funnel by channel',
  'dash.report.campaign-funnel-by-affiliate': 'Campaign funnel by affiliate site',
  'dash.report.campaign-funnel-by-month': 'Campaign funnel by month',
  'dash.column.clicks': 'Clicks',
  'dash.column.clickToLead': 'Clicks to leads (%)',
  'dash.column.leadToConverted': 'Leads converted (%)',
  'dash.column.budget': 'Budget',
  'dash.column.costPerLead': 'Cost per lead',
  'dash.column.returnOnBudget': 'Won per budget (%)',
  'dash.empty.campaigns': 'No campaign brought clicks or leads in this period. Give leads, web forms and tracked links a campaign, and their funnel shows here.',
  'dash.channel.email': 'E-mail',
  'dash.channel.ad': 'Ads',
  'dash.channel.social': 'Social media',
  'dash.channel.affiliate': 'Affiliate sites',
  'dash.channel.event': 'Events',
  'dash.channel.web': 'Website',
  'dash.channel.other': 'Other',
};
