import { companyLinkableDomain } from '@rapport/shared';

/** Which never-log list an address is on (the tenant's wins), or null: see the never-log lists' service. */
export type NeverLogMatch = 'tenant' | 'mine' | null;
export type NeverLogMatcher = (address: string) => NeverLogMatch;

/**
 * A member's matcher (the tenant's list and their own), and whether a domain may tie mail to a company (never a
 * free-mail one or the tenant's own, nor one under them).
 */
export type NeverLogLists = {
  matcherFor(tenantId: string, userId: string): Promise<NeverLogMatcher>;
  companyLinkableFor(tenantId: string): Promise<(domain: string) => boolean>;
};

/** No lists at all (tests of other things, and until a tenant has any); free-mail domains still make no company. */
export const noNeverLogLists: NeverLogLists = {
  matcherFor: async () => () => null,
  companyLinkableFor: async () => (domain) => companyLinkableDomain(domain, []),
};
