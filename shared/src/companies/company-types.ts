// Plain code, no schema: pages that only show companies' types (the dashboard's filters) read them without zod.

/** What a company is to the tenant. */
export const companyTypes = ['prospect', 'customer', 'partner'] as const;
export type CompanyType = (typeof companyTypes)[number];
