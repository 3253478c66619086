import type { KindHooks } from './kind-hooks';

export const territoryHooks: KindHooks<'territory'> = {
  prepare: (fields) => ({ ...fields, repIds: [...new Set(fields.repIds ?? [])] }),
};
