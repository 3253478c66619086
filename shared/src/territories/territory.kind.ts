import { defineKind } from '../kinds/kind-definition';
import { TerritoryInputSchema, TerritoryPatchSchema, TerritorySchema } from './territory.schema';

export const territoryKind = defineKind(TerritorySchema, {
  plural: 'territories',
  label: 'Territory',
  references: [{ field: 'repIds', kind: 'member' }],
  timeline: false,
  schemaVersion: 1,
  api: {
    input: TerritoryInputSchema,
    patch: TerritoryPatchSchema,
    filters: [],
    // Territories are settings: everyone reads them, admins keep them.
    write: { role: 'admin', allows: 'change territories' },
    example: { input: (text, n) => ({ name: `${text} Territory ${n}`, countries: ['Portugal'] }), patch: { cities: ['Lisboa'] } },
  },
});
