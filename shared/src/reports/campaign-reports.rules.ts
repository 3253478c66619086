// Campaigns' funnels, from the `campaign` cells: the clicks on a campaign's tracked links, the leads it brought (by the
// month they came), those converted, the deals made of them and the money won (by the month won), with what the
// campaign cost: per campaign, per channel, per affiliate site, and per month.
import { fromMinor, toMinor } from '../money/money.rules';
import type { ReportCell, ReportFamily } from './report-cells.rules';
import type { ReportColumn, ReportContext, ReportFilters, ReportTable } from './report-tables.rules';
import { countOf, inPeriod, rate, sumBy, type Cells, type Group, type MoneyColumns } from './report-groups.rules';

export const campaignReportNames = ['campaign-funnel', 'campaign-funnel-by-channel', 'campaign-funnel-by-affiliate', 'campaign-funnel-by-month'] as const;
export type CampaignReportName = (typeof campaignReportNames)[number];

export const campaignReportFamilies: Record<CampaignReportName, readonly ReportFamily[]> = {
  'campaign-funnel': ['campaign'],
  'campaign-funnel-by-channel': ['campaign'],
  'campaign-funnel-by-affiliate': ['campaign'],
  'campaign-funnel-by-month': ['campaign'],
};

/** A campaign as its funnel needs it: its name, channel, and budget with the month that converts it. */
export type CampaignOfReport = { id: string; name: string; channel: string; budget?: number | undefined; currency?: string | undefined; startsOn?: string | undefined };

const FUNNEL_COLUMNS: ReportColumn[] = [
  { key: 'clicks', kind: 'count' },
  { key: 'leads', kind: 'count' },
  { key: 'converted', kind: 'count' },
  { key: 'deals', kind: 'count' },
  { key: 'won', kind: 'count' },
  { key: 'wonAmount', kind: 'money' },
  { key: 'clickToLead', kind: 'percent' },
  { key: 'leadToConverted', kind: 'percent' },
];
// Only a campaign has a budget: what it cost per lead, and what it brought back for it.
const COST_COLUMNS: ReportColumn[] = [
  { key: 'budget', kind: 'money' },
  { key: 'costPerLead', kind: 'money' },
  { key: 'returnOnBudget', kind: 'percent' },
];

/** The label of a row with no campaign, link or affiliate site: the dashboard words it in the user's language. */
export const NONE_KEY = '';

/** Builds one of the campaign reports over the period's cells (and the campaign filtered on). */
export function campaignReport(name: CampaignReportName, cells: Cells, filters: ReportFilters & { campaignId?: string | undefined }, context: ReportContext, money: MoneyColumns): ReportTable {
  const campaigns = new Map((context.campaigns ?? []).map((campaign) => [campaign.id, campaign]));
  const inScope = (cells.campaign ?? []).filter((cell) => inPeriod(cell, filters) && (!filters.campaignId || cell.dims.campaign === filters.campaignId));
  // A lead that came by no tracked link is counted in its campaign's own channel.
  const channelOf = (cell: ReportCell) => cell.dims.channel || campaigns.get(cell.dims.campaign ?? '')?.channel || NONE_KEY;
  const keyOf: (cell: ReportCell) => string =
    name === 'campaign-funnel' ? (cell) => cell.dims.campaign ?? NONE_KEY
    : name === 'campaign-funnel-by-channel' ? channelOf
    : name === 'campaign-funnel-by-affiliate' ? (cell) => cell.dims.affiliate ?? NONE_KEY
    : (cell) => cell.month;
  const groups = sumBy(name === 'campaign-funnel-by-affiliate' ? inScope.filter((cell) => (cell.dims.affiliate ?? '') !== '') : inScope, keyOf);
  const rows = [...groups].map(([key, group]) => {
    const values = funnelValues(group, money);
    if (name !== 'campaign-funnel') return { key, label: key, values };
    const campaign = campaigns.get(key);
    return { key, label: campaign?.name ?? key, values: { ...values, ...costValues(campaign, values, money, filters.to) } };
  });
  if (name === 'campaign-funnel') {
    // Every campaign of the period shows, with nothing yet: a campaign that brought nothing is a finding too.
    for (const campaign of campaigns.values()) {
      if (groups.has(campaign.id) || (filters.campaignId && campaign.id !== filters.campaignId) || !runsIn(campaign, filters)) continue;
      const values = funnelValues(undefined, money);
      rows.push({ key: campaign.id, label: campaign.name, values: { ...values, ...costValues(campaign, values, money, filters.to) } });
    }
  }
  const columns = name === 'campaign-funnel' ? [...FUNNEL_COLUMNS, ...COST_COLUMNS] : FUNNEL_COLUMNS;
  return {
    columns,
    rows: rows.sort((a, b) => (name === 'campaign-funnel-by-month' ? a.key.localeCompare(b.key) : (b.values.leads ?? 0) - (a.values.leads ?? 0) || (b.values.clicks ?? 0) - (a.values.clicks ?? 0) || a.label.localeCompare(b.label))),
  };
}

function funnelValues(group: Group | undefined, money: MoneyColumns): Record<string, number | null> {
  const clicks = countOf(group, 'clicks');
  const leads = countOf(group, 'leads');
  const converted = countOf(group, 'converted');
  return {
    clicks,
    leads,
    converted,
    deals: countOf(group, 'deals'),
    won: countOf(group, 'won'),
    wonAmount: money.amount(group, 'minor'),
    clickToLead: rate(clicks === 0 ? null : leads / clicks),
    leadToConverted: rate(leads === 0 ? null : converted / leads),
  };
}

/**
 * The campaign's budget in the report's currency (converted at the rate of the month it starts, or of the period's last
 * month for one without dates), per lead, and the money won for each unit of it.
 */
function costValues(campaign: CampaignOfReport | undefined, values: Record<string, number | null>, money: MoneyColumns, lastMonth: string): Record<string, number | null> {
  if (!campaign?.budget || !campaign.currency) return { budget: null, costPerLead: null, returnOnBudget: null };
  const month = campaign.startsOn?.slice(0, 7) ?? lastMonth;
  const group: Group = { counts: {}, money: { minor: new Map([[campaign.currency, new Map([[month, toMinor(campaign.budget, campaign.currency)]])]]) } };
  const budget = money.amount(group, 'minor');
  const leads = values.leads ?? 0;
  return {
    budget,
    costPerLead: leads === 0 ? null : fromMinor(Math.round(toMinor(budget, money.currency) / leads), money.currency),
    returnOnBudget: budget === 0 ? null : rate((values.wonAmount ?? 0) / budget),
  };
}

/** Whether a campaign runs (or ran) at some time in the period: one without dates always does. */
function runsIn(campaign: CampaignOfReport, filters: ReportFilters): boolean {
  const starts = campaign.startsOn?.slice(0, 7);
  return !starts || starts <= filters.to;
}
