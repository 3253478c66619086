import type { ReportName } from '@rapport/shared/reports/report-tables.rules';
import type { CustomerSegment } from '@rapport/shared/companies/company-segment.rules';
import { useOperation } from '../data/queries';

export type ReportFilters = {
  from?: string;
  to?: string;
  team?: string;
  territoryId?: string;
  ownerId?: string;
  productId?: string;
  currency?: string;
  /** What the reports on customer demographics group by (industry, country, region, size, type). */
  segment?: CustomerSegment;
};

/**
 * A report, read again whenever its filters change (each set of filters cached on its own); the last answer stays on
 * screen until the new filters' arrives.
 */
export function useReport(report: ReportName, filters: ReportFilters) {
  return useOperation('report', { params: { report }, query: filters }, { keepPrevious: true });
}
