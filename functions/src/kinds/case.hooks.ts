import { caseIsOpen } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';
import { utcOrUnset } from './normalize';

// The status flow itself is the kind's definition (`caseKind.statusFlow`); the writer enforces it.
export const caseHooks: KindHooks<'case'> = {
  prepare: (fields, { now, previous }) => {
    const { closedAt: _closedAt, ...rest } = fields;
    const next = { ...rest, openedAt: utcOrUnset(fields.openedAt) ?? now };
    if (fields.status === undefined || caseIsOpen(fields.status)) return next;
    return { ...next, closedAt: previous?.closedAt && !caseIsOpen(previous.status) ? previous.closedAt : now };
  },
  actions: {
    // Each article once: the first reply written from it says when and by whom.
    answered: (item, body, { actor, now }) => {
      const articleId = String(body.articleId);
      const answered = item.answeredWith ?? [];
      return answered.some((entry) => entry.articleId === articleId) ? {} : { answeredWith: [...answered, { articleId, at: now, by: actor.userId }] };
    },
  },
};
