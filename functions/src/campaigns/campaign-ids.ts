import { campaignNameKey } from '@rapport/shared';
import { derivedId } from '../services/derived-ids';

/**
 * A campaign's id, from the name it was first given: a lead, web form or import of an earlier release that named a
 * campaign in words points at the record the upgrade makes of that name, and two creates of one name (a user's and an
 * upgrade's, or two imports) make one campaign however they race. A renamed campaign keeps its id.
 */
export function campaignIdForName(name: string): string {
  return derivedId('campaign', campaignNameKey(name));
}
