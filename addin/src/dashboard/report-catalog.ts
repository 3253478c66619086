import type { ReportName } from '@rapport/shared/reports/report-tables.rules';

/** How a report is drawn: bars of one column per row, a donut of one column's share per row. */
export type ChartSpec = { kind: 'bar' | 'donut'; column: string };

export type DashboardTab = 'mine' | 'team' | 'marketing' | 'service' | 'quality';

/** Who sees a tab: everyone, the managers (and admins), the admins. */
export const tabAudience: Record<DashboardTab, 'everyone' | 'managers' | 'admins'> = {
  mine: 'everyone',
  team: 'managers',
  marketing: 'managers',
  service: 'everyone',
  quality: 'admins',
};

export const tabReports: Record<DashboardTab, { report: ReportName; chart: ChartSpec }[]> = {
  mine: [
    { report: 'pipeline', chart: { kind: 'bar', column: 'amount' } },
    { report: 'forecast', chart: { kind: 'bar', column: 'weightedAmount' } },
    { report: 'activities-by-week', chart: { kind: 'bar', column: 'total' } },
    { report: 'win-rate-by-product', chart: { kind: 'bar', column: 'wonAmount' } },
  ],
  team: [
    { report: 'pipeline', chart: { kind: 'bar', column: 'amount' } },
    { report: 'forecast', chart: { kind: 'bar', column: 'weightedAmount' } },
    { report: 'win-rate-by-owner', chart: { kind: 'bar', column: 'winRate' } },
    { report: 'win-rate-by-product', chart: { kind: 'bar', column: 'winRate' } },
    { report: 'win-rate-by-region', chart: { kind: 'bar', column: 'winRate' } },
    { report: 'won-by-quarter', chart: { kind: 'bar', column: 'wonAmount' } },
    { report: 'open-deals-by-owner', chart: { kind: 'bar', column: 'deals' } },
    { report: 'products-sold', chart: { kind: 'donut', column: 'revenue' } },
    { report: 'time-in-stage', chart: { kind: 'bar', column: 'meanDays' } },
  ],
  marketing: [
    { report: 'leads-by-source', chart: { kind: 'donut', column: 'leads' } },
    { report: 'leads-by-campaign', chart: { kind: 'bar', column: 'conversionRate' } },
    { report: 'activities-by-owner', chart: { kind: 'bar', column: 'total' } },
    { report: 'contact-rate-by-territory', chart: { kind: 'bar', column: 'contactRate' } },
    { report: 'contact-rate-by-owner', chart: { kind: 'bar', column: 'contactRate' } },
  ],
  service: [
    { report: 'cases-by-owner', chart: { kind: 'bar', column: 'open' } },
    { report: 'open-cases-by-priority', chart: { kind: 'donut', column: 'open' } },
    { report: 'open-cases-by-age', chart: { kind: 'bar', column: 'open' } },
  ],
  quality: [{ report: 'data-quality', chart: { kind: 'bar', column: 'records' } }],
};
