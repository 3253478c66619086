import { defineKind } from '../kinds/kind-definition';
import { TipInputSchema, TipPatchSchema, TipPinSchema, TipSchema, TipUpvoteSchema } from './tip.schema';

export const tipKind = defineKind(TipSchema, {
  plural: 'tips',
  label: 'Tip',
  references: [{ field: 'productIds', kind: 'product' }],
  timeline: false,
  schemaVersion: 1,
  api: {
    input: TipInputSchema,
    patch: TipPatchSchema,
    filters: ['ownerId'],
    // A tip is its author's words: a manager pins or removes it, never rewrites it.
    authorOnly: { code: 'TIP.AUTHOR_ONLY' },
    example: { input: (text) => ({ text: `${text}: ask which supplier they use today`, objections: ['We already have a supplier'] }), patch: { industries: ['Retail'] } },
    actions: {
      upvote: { summary: 'Say a tip helped you (up: true), or take that back (up: false); once per member', body: TipUpvoteSchema, example: { up: true } },
      pin: { summary: 'Pin a tip so the team sees it first, or unpin it (managers)', body: TipPinSchema, role: 'manager', allows: 'pin tips', example: { pinned: true } },
    },
  },
});
