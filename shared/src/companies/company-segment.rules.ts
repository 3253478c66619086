// Customer demographics: the segments a company falls in (industry, country, region, size band, type), the reports on
// customers and won business by segment group by. Pure, and without zod (the dashboard reads the segments' names): the
// deal hooks, the report cells and the loaders share it; its schema is in company-segment.schema.ts.
import type { Company } from './company.schema';
import type { CompanyType } from './company-types';

/** What the segment reports group by. */
export const customerSegments = ['industry', 'country', 'region', 'size', 'type'] as const;
export type CustomerSegment = (typeof customerSegments)[number];

/**
 * Size bands by employees, each up to (not including) `below`: a company of 0 employees (a sole trader) is in the first.
 * A company whose employees are not known is in no band (`''`).
 */
export const sizeBands = [
  { key: '1-9', below: 10 },
  { key: '10-49', below: 50 },
  { key: '50-249', below: 250 },
  { key: '250-999', below: 1_000 },
  { key: '1000+', below: Infinity },
] as const;
export type SizeBand = (typeof sizeBands)[number]['key'];

/** The band a number of employees falls in, or `''` when it is not known. */
export function sizeBandOf(employees: number | undefined): SizeBand | '' {
  if (employees === undefined) return '';
  return sizeBands.find((band) => employees < band.below)?.key ?? '1000+';
}

/**
 * What a won deal keeps of its company (kept by the server on the deal): the fields the segments are read from, as
 * they were when the deal was last saved won. Empty for a deal without a company.
 */
export type CompanySegment = {
  industry?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  employees?: number | undefined;
  type?: CompanyType | undefined;
};

const text = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** The fields of a company its segments are read from (those it has). */
export function companySegmentOf(company: Pick<Company, 'industry' | 'address' | 'employees' | 'type'>): CompanySegment {
  const segment: CompanySegment = { type: company.type };
  const industry = text(company.industry);
  const country = text(company.address?.country);
  const region = text(company.address?.region);
  if (industry) segment.industry = industry;
  if (country) segment.country = country;
  if (region) segment.region = region;
  if (company.employees !== undefined) segment.employees = company.employees;
  return segment;
}

/**
 * The value of each segment, `''` where the company says nothing. Industry, country and region are as written on the
 * company (trimmed: "USA" and "United States" are two countries, as two spellings of an industry are two industries);
 * a region is named with its country ("Lombardia, Italy"), since regions of different countries may share a name.
 */
export function segmentValuesOf(segment: CompanySegment): Record<CustomerSegment, string> {
  const region = text(segment.region);
  const country = text(segment.country);
  return {
    industry: text(segment.industry) ?? '',
    country: country ?? '',
    region: region ? (country ? `${region}, ${country}` : region) : '',
    size: sizeBandOf(segment.employees),
    type: segment.type ?? '',
  };
}

/**
 * The segment a deal keeps as it is written: a won deal its company's as it is now (so a won deal counts under the
 * segment its company had when the deal was last saved; a company changed later moves it at its next save, not
 * before), a deal without a company an empty one, other deals none. When the company cannot be read (deleted since),
 * a won deal keeps what it had of the same company.
 */
export function companySegmentForDeal(
  deal: { status?: string | undefined; companyId?: string | undefined },
  company: Pick<Company, 'id' | 'industry' | 'address' | 'employees' | 'type'> | undefined,
  previous: { companyId?: string | undefined; companySegment?: CompanySegment | undefined } | undefined,
): CompanySegment | undefined {
  if (deal.status !== 'won') return undefined;
  if (!deal.companyId) return {};
  if (company && company.id === deal.companyId) return companySegmentOf(company);
  return previous?.companyId === deal.companyId && previous.companySegment ? previous.companySegment : {};
}
