import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, patchSchemaOf, shortText } from '../common/record.schema';

export const TerritoryInputSchema = z.strictObject({
  name: shortText(150),
  countries: z.array(shortText(120)).max(300).default([]),
  regions: z.array(shortText(120)).max(500).default([]),
  cities: z.array(shortText(120)).max(2_000).default([]),
  postalCodePrefixes: z.array(shortText(20)).max(2_000).default([]),
  repIds: z.array(IdSchema).max(500).default([]),
});
export const TerritorySchema = z.object({ ...TerritoryInputSchema.shape, ...SystemFieldsSchema.shape }).meta({ id: 'Territory' });
export type Territory = z.infer<typeof TerritorySchema>;
export const TerritoryPatchSchema = patchSchemaOf(TerritoryInputSchema);
