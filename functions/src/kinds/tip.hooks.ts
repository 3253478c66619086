import { invalidField } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

const distinct = (values: readonly string[] | undefined) => [...new Map((values ?? []).map((value) => [value.toLocaleLowerCase(), value])).values()];

export const tipHooks: KindHooks<'tip'> = {
  prepare: async (fields, { lookups, requested }) => {
    // Stages are the tenant's pipeline's: checked when set, so a stage removed later does not block an edit.
    if (requested.stages !== undefined) {
      const known = new Set((await lookups.pipeline()).stages.map((stage) => stage.id));
      const unknown = (fields.stages ?? []).find((stage) => !known.has(stage));
      if (unknown) throw invalidField('TIP.UNKNOWN_STAGE', 'stages', `Stage "${unknown}" is not in your pipeline (${[...known].join(', ')}).`);
    }
    return {
      ...fields,
      stages: [...new Set(fields.stages ?? [])],
      productIds: [...new Set(fields.productIds ?? [])],
      industries: distinct(fields.industries),
      objections: distinct(fields.objections),
      upvotedBy: fields.upvotedBy ?? [],
    };
  },
  actions: {
    upvote: (tip, body, { actor }) => ({
      upvotedBy: body.up === true ? [...new Set([...tip.upvotedBy, actor.userId])] : tip.upvotedBy.filter((id) => id !== actor.userId),
    }),
    pin: (tip, body, { actor, now }) => {
      if (body.pinned !== true) return { pinnedAt: null, pinnedBy: null };
      // Pinning a pinned tip again keeps who pinned it first.
      return tip.pinnedAt ? {} : { pinnedAt: now, pinnedBy: actor.userId };
    },
  },
};
