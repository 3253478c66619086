import type { MemberCapability, Role } from '@rapport/shared';

/** Who is calling: taken from a validated token only, never from the request body. */
export type Principal = {
  tenantId: string;
  userId: string;
  roles: Role[];
  /** The token's app roles decided, or the tenant's member record. */
  rolesFrom?: 'token' | 'member';
  name?: string;
  /** What an admin let the member do beside their role (their member record's `capabilities`). */
  capabilities?: readonly MemberCapability[];
};
