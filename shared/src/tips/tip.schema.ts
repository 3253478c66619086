import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, TimestampSchema, patchSchemaOf, shortText } from '../common/record.schema';

const tags = (max: number) => z.array(shortText(80)).max(max).default([]);

/** A sales tip a rep shares with the team, tagged so the next rep finds it where it helps. */
export const TipInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(2_000),
  /** Pipeline stages (ids) where the tip helps. */
  stages: z.array(IdSchema).max(20).default([]),
  productIds: z.array(IdSchema).max(20).default([]),
  industries: tags(20),
  /** The customer's objections it answers: "too expensive", "we already have a supplier". */
  objections: tags(20),
  ownerId: IdSchema.optional(),
});
export type TipInput = z.input<typeof TipInputSchema>;

export const TipSchema = z.object({
  ...TipInputSchema.shape,
  ...SystemFieldsSchema.shape,
  /** The members who found it useful (kept by the server: each member upvotes once). */
  upvotedBy: z.array(IdSchema),
  /** Pinned by a manager: shown first. */
  pinnedAt: TimestampSchema.optional(),
  pinnedBy: IdSchema.optional(),
}).meta({ id: 'Tip' });
export type Tip = z.infer<typeof TipSchema>;

export const TipPatchSchema = patchSchemaOf(TipInputSchema);
export type TipPatch = z.input<typeof TipPatchSchema>;

export const TipUpvoteSchema = z.strictObject({ up: z.boolean() });
export const TipPinSchema = z.strictObject({ pinned: z.boolean() });
