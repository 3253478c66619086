import { normalizeDomain } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';
import { distinctNormalized } from './normalize';

export const companyHooks: KindHooks<'company'> = {
  prepare: (fields) => ({ ...fields, domains: distinctNormalized(fields.domains, normalizeDomain) }),
};
