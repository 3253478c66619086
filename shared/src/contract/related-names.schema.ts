import { z } from 'zod';
import { recordKinds } from '../kinds/kinds';

/**
 * The names of the records a list of activities points at, by kind and id: their contacts, companies, deals, leads and
 * cases, and the members who own and logged them. Read in bulk with the list, so the pane names and opens each without
 * a read per entry. A record missing here (deleted, or beyond the bound of names one answer carries) is not named.
 */
export const RelatedNamesSchema = z.partialRecord(z.enum(recordKinds), z.record(z.string(), z.string())).meta({ id: 'RelatedNames' });
export type RelatedNames = z.infer<typeof RelatedNamesSchema>;
