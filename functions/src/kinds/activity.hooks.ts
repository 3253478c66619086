import { CrmError, OUTCOME_CLOCK_GRACE_MS, defaultActivityStatus, outcomeAllowedAt } from '@rapport/shared';
import type { KindHooks } from './kind-hooks';

export const activityHooks: KindHooks<'activity'> = {
  prepare: (fields, { now, requested, previous }) => {
    const { outcome } = fields;
    const at = fields.at === undefined ? undefined : new Date(fields.at).toISOString();
    // Checked when the outcome is logged or the meeting moved: an outcome of the past never blocks later edits.
    const changed = (requested.outcome !== undefined && outcome !== previous?.outcome) || (requested.at !== undefined && fields.at !== previous?.at);
    const serverNowWithGrace = new Date(Date.parse(now) + OUTCOME_CLOCK_GRACE_MS);
    if (outcome && changed && !outcomeAllowedAt(outcome, String(fields.at), serverNowWithGrace)) {
      throw new CrmError(
        'conflict',
        'ACTIVITY.NOT_STARTED',
        `This ${String(fields.kind)} starts at ${String(fields.at)}: its outcome (${outcome}) can be logged once it has started.`,
        { field: 'outcome', startsAt: fields.at },
      );
    }
    return {
      ...fields,
      ...(at ? { at } : {}),
      status: fields.status ?? (fields.kind && at ? defaultActivityStatus(fields.kind, at, now) : 'done'),
    };
  },
  // An activity with a contact but no company belongs to the contact's company too, so the company's timeline shows it.
  complete: (fields, { referenced }) => {
    if (fields.companyId !== undefined) return fields;
    const [firstContactId] = fields.contactIds ?? [];
    const companyId = firstContactId ? referenced.get('contact', firstContactId)?.companyId : undefined;
    return companyId ? { ...fields, companyId } : fields;
  },
};
