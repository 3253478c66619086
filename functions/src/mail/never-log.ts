/** Which never-log list an address is on (the tenant's wins), or null: see the never-log lists' service. */
export type NeverLogMatch = 'tenant' | 'mine' | null;
export type NeverLogMatcher = (address: string) => NeverLogMatch;

/** A member's matcher: the tenant's list and their own. */
export type NeverLogLists = { matcherFor(tenantId: string, userId: string): Promise<NeverLogMatcher> };

/** No lists at all (tests of other things, and until a tenant has any). */
export const noNeverLogLists: NeverLogLists = { matcherFor: async () => () => null };
