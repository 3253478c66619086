import { companySegmentOf, type Company, type Deal, type RecordKind } from '@rapport/shared';

// Won deals keep their company's segment (`companySegment`) since report cells version 8, for the reports on customer
// demographics. A won deal an earlier release stored has none: the stores' upgrade to version 8 gives it its company's
// as the company is then (live, or as it was deleted), since what it was when the deal was won is not known. Both stores
// do it once, with the cells (SQLite as it rebuilds them, Cosmos DB as it brings a tenant's cells up), live and deleted
// deals alike, so a deal restored later counts where the others do.

/** The report cells version that brought the companies' segments onto won deals. */
export const COMPANY_SEGMENT_CELLS_VERSION = 8;

/** Whether a record is a won deal stored without its company's segment. */
export function lacksCompanySegment(kind: RecordKind, record: unknown): record is Deal {
  const deal = record as Partial<Deal>;
  return kind === 'deal' && deal.status === 'won' && deal.companySegment === undefined;
}

/** The deal with its company's segment (`company` read by the deal's `companyId`): an empty one without a company. */
export function withCompanySegmentOf(deal: Deal, company: Company | undefined): Deal {
  return { ...deal, companySegment: company && company.id === deal.companyId ? companySegmentOf(company) : {} };
}
