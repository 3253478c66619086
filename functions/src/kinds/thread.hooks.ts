import type { KindHooks } from './kind-hooks';

export const threadHooks: KindHooks<'thread'> = {
  prepare: (fields) => ({ ...fields, contactIds: [...new Set(fields.contactIds ?? [])] }),
};
