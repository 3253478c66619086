import type { ReportName } from '@rapport/shared/reports/report-tables.rules';
import { campaignReportNames } from '@rapport/shared/reports/campaign-reports.rules';

/**
 * How a report is drawn:
 * - `bars`: one horizontal bar per row (reps, products, stages…), so every label can be read however many rows;
 * - `columns`: one vertical bar per period (months, quarters), in time order;
 * - `stacked`: vertical bars per period or rep, stacked by the `stack` columns (activities by kind), with a legend;
 * - `donut`: each row's share of one column;
 * - `grouped`: rows of a product in a segment (prices by segment): one group of vertical bars per segment, a bar per
 *   product (a series with its legend), so a product's figure compares from one segment to the next.
 * `empty` says why a report has nothing to show and what would fill it.
 */
export type ChartSpec = {
  kind: 'bars' | 'columns' | 'stacked' | 'donut' | 'grouped';
  column: string;
  stack?: readonly string[];
  empty: 'openDeals' | 'closedDeals' | 'activities' | 'leads' | 'cases' | 'customers' | 'segments' | 'quality' | 'expenses' | 'quotes' | 'orders' | 'contracts' | 'serviceLevels' | 'answers' | 'satisfaction' | 'nps' | 'campaigns';
  /** The column's 0 is a figure, not nothing, and it may be below 0 (an NPS). */
  signed?: boolean;
};

const ACTIVITY_KINDS = ['email', 'call', 'meeting', 'task', 'note'] as const;

export type DashboardTab = 'mine' | 'team' | 'commissions' | 'marketing' | 'customers' | 'service' | 'quality' | 'tips';

/** Who sees a tab: everyone, the managers (and admins), the admins. Managers keep their teams' records in order: data quality is theirs too. */
export const tabAudience: Record<DashboardTab, 'everyone' | 'managers' | 'admins'> = {
  mine: 'everyone',
  team: 'managers',
  commissions: 'everyone',
  marketing: 'managers',
  // A rep reads their own customers and prices (the API narrows them), a manager the team's.
  customers: 'everyone',
  service: 'everyone',
  quality: 'managers',
  // The tips board: every member posts, upvotes and reads it.
  tips: 'everyone',
};

export const tabReports: Record<DashboardTab, { report: ReportName; chart: ChartSpec }[]> = {
  mine: [
    { report: 'pipeline', chart: { kind: 'bars', column: 'amount', empty: 'openDeals' } },
    { report: 'forecast', chart: { kind: 'columns', column: 'weightedAmount', empty: 'openDeals' } },
    { report: 'activities-by-week', chart: { kind: 'stacked', column: 'total', stack: ACTIVITY_KINDS, empty: 'activities' } },
    // What I won and my win rate: the same figures as My day in the pane.
    { report: 'win-rate-by-owner', chart: { kind: 'bars', column: 'wonAmount', empty: 'closedDeals' } },
    { report: 'win-rate-by-product', chart: { kind: 'bars', column: 'wonAmount', empty: 'closedDeals' } },
    // My approved expenses by category (the table beside it: those waiting and rejected).
    { report: 'expenses-by-category', chart: { kind: 'bars', column: 'approvedAmount', empty: 'expenses' } },
    // My quotes sent each month (the table: accepted, declined, acceptance rate, amount, days to acceptance).
    { report: 'quotes-by-month', chart: { kind: 'columns', column: 'sent', empty: 'quotes' } },
  ],
  team: [
    { report: 'pipeline', chart: { kind: 'bars', column: 'amount', empty: 'openDeals' } },
    { report: 'forecast', chart: { kind: 'columns', column: 'weightedAmount', empty: 'openDeals' } },
    { report: 'win-rate-by-owner', chart: { kind: 'bars', column: 'winRate', empty: 'closedDeals' } },
    { report: 'win-rate-by-product', chart: { kind: 'bars', column: 'winRate', empty: 'closedDeals' } },
    { report: 'win-rate-by-region', chart: { kind: 'bars', column: 'winRate', empty: 'closedDeals' } },
    { report: 'won-by-quarter', chart: { kind: 'columns', column: 'wonAmount', empty: 'closedDeals' } },
    { report: 'open-deals-by-owner', chart: { kind: 'bars', column: 'deals', empty: 'openDeals' } },
    { report: 'products-sold', chart: { kind: 'donut', column: 'revenue', empty: 'closedDeals' } },
    { report: 'time-in-stage', chart: { kind: 'bars', column: 'meanDays', empty: 'closedDeals' } },
    // The team's expenses (approved, converted at each month's rate) by rep, category and month.
    { report: 'expenses-by-owner', chart: { kind: 'bars', column: 'approvedAmount', empty: 'expenses' } },
    { report: 'expenses-by-category', chart: { kind: 'donut', column: 'approvedAmount', empty: 'expenses' } },
    { report: 'expenses-by-month', chart: { kind: 'columns', column: 'approvedAmount', empty: 'expenses' } },
    // After the deal: quotes per rep and month, orders by where they are, contracts coming up for renewal.
    { report: 'quotes-by-owner', chart: { kind: 'bars', column: 'sent', empty: 'quotes' } },
    { report: 'quotes-by-month', chart: { kind: 'columns', column: 'sent', empty: 'quotes' } },
    { report: 'orders-by-status', chart: { kind: 'bars', column: 'orders', empty: 'orders' } },
    { report: 'contracts-up-for-renewal', chart: { kind: 'columns', column: 'annualValue', empty: 'contracts' } },
  ],
  marketing: [
    { report: 'leads-by-source', chart: { kind: 'donut', column: 'leads', empty: 'leads' } },
    { report: 'leads-by-campaign', chart: { kind: 'bars', column: 'conversionRate', empty: 'leads' } },
    // Each campaign's funnel, clicks to money won, with its cost per lead; by channel, affiliate site and month.
    { report: 'campaign-funnel', chart: { kind: 'bars', column: 'leads', empty: 'campaigns' } },
    { report: 'campaign-funnel-by-channel', chart: { kind: 'donut', column: 'leads', empty: 'campaigns' } },
    { report: 'campaign-funnel-by-affiliate', chart: { kind: 'bars', column: 'clicks', empty: 'campaigns' } },
    { report: 'campaign-funnel-by-month', chart: { kind: 'columns', column: 'leads', empty: 'campaigns' } },
    // A rep list: bars of the total, every name readable; the table beside it breaks it down by kind.
    { report: 'activities-by-owner', chart: { kind: 'bars', column: 'total', empty: 'activities' } },
    { report: 'contact-rate-by-territory', chart: { kind: 'bars', column: 'contactRate', empty: 'customers' } },
    { report: 'contact-rate-by-owner', chart: { kind: 'bars', column: 'contactRate', empty: 'customers' } },
  ],
  // Customer demographics, by the segment chosen above the reports: who the customers are and what was won from them,
  // and the prices each product sold at (the chart compares each product's average price from one segment to the next).
  customers: [
    { report: 'customers-by-segment', chart: { kind: 'bars', column: 'customers', empty: 'segments' } },
    { report: 'product-prices-by-segment', chart: { kind: 'grouped', column: 'averageUnitPrice', empty: 'closedDeals' } },
  ],
  service: [
    { report: 'cases-by-owner', chart: { kind: 'bars', column: 'open', empty: 'cases' } },
    { report: 'open-cases-by-priority', chart: { kind: 'donut', column: 'open', empty: 'cases' } },
    { report: 'open-cases-by-age', chart: { kind: 'bars', column: 'open', empty: 'cases' } },
    // Closed cases answered and resolved within their service levels.
    { report: 'service-levels-by-month', chart: { kind: 'columns', column: 'closed', empty: 'serviceLevels' } },
    { report: 'service-levels-by-owner', chart: { kind: 'bars', column: 'closed', empty: 'serviceLevels' } },
    // The knowledge base's most useful articles: those that answered the most cases.
    { report: 'articles-answering-cases', chart: { kind: 'bars', column: 'cases', empty: 'answers' } },
    // The contracts service reps answer under, by the month they end.
    { report: 'contracts-up-for-renewal', chart: { kind: 'columns', column: 'contracts', empty: 'contracts' } },
    // What customers answered: the average satisfaction month by month, by rep and by product, and the NPS by month.
    { report: 'csat-by-month', chart: { kind: 'columns', column: 'average', empty: 'satisfaction' } },
    { report: 'csat-by-owner', chart: { kind: 'bars', column: 'average', empty: 'satisfaction' } },
    { report: 'csat-by-product', chart: { kind: 'bars', column: 'average', empty: 'satisfaction' } },
    { report: 'nps-by-month', chart: { kind: 'columns', column: 'nps', empty: 'nps', signed: true } },
  ],
  // Commissions are statements and plans, not reports.
  commissions: [],
  quality: [{ report: 'data-quality', chart: { kind: 'bars', column: 'records', empty: 'quality' } }],
  // No report: the board itself (TipsBoard).
  tips: [],
};

/** The campaign funnels: a campaign manager reads them whatever their role (the marketing tab's other reports are the team's). */
export const isCampaignReport = (report: ReportName): boolean => (campaignReportNames as readonly string[]).includes(report);
