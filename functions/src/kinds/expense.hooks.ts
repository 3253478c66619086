import { CrmError, decidedExpenseFields, fitsCurrency, invalidField, minorDigits } from '@rapport/shared';
import type { ActionHook, KindHooks } from './kind-hooks';

/** Only a submitted expense is decided: a second decision, or one on a rejected expense not yet changed, is refused. */
function decide(status: 'approved' | 'rejected'): ActionHook<'expense'> {
  return (expense, body, { actor, now }) => {
    // Nobody decides their own expense: a manager's go to their own manager or an admin.
    if (expense.ownerId === actor.userId) {
      throw new CrmError('forbidden', 'EXPENSE.OWN_DECISION', 'Your own expense is approved or rejected by your manager or an admin, not by you.');
    }
    if (expense.status !== 'submitted') {
      throw new CrmError('conflict', 'EXPENSE.STATUS_FLOW', `This expense is already ${expense.status}: only a submitted expense can be approved or rejected.`, {
        from: expense.status,
        to: status,
        allowed: [],
      });
    }
    const reason = typeof body.reason === 'string' ? body.reason : undefined;
    return { status, decision: { by: actor.userId, at: now, ...(reason ? { reason } : {}) } };
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const expenseHooks: KindHooks<'expense'> = {
  prepare: (fields, { previous, requested }) => {
    if (!fields.dealId && !fields.companyId) {
      throw invalidField('REQUEST.VALIDATION_FAILED', 'dealId', 'An expense is for a deal or a company: give dealId or companyId.');
    }
    const currency = String(fields.currency);
    if ((requested.amount !== undefined || requested.currency !== undefined) && typeof fields.amount === 'number' && !fitsCurrency(fields.amount, currency)) {
      throw invalidField('EXPENSE.AMOUNT_PRECISION', 'amount', `${currency} amounts have ${minorDigits(currency)} decimals at most: ${fields.amount} has more.`);
    }
    if (!previous) return { ...fields, status: 'submitted' };
    // An action (approve, reject) sets the status; a change of fields never names it.
    if (requested.status !== undefined) return fields;
    const changed = decidedExpenseFields.filter((field) => requested[field] !== undefined && !sameValue(requested[field], previous[field]));
    if (previous.status === 'approved' && changed.length > 0) {
      throw new CrmError(
        'conflict',
        'EXPENSE.DECIDED',
        `This expense was approved: its ${changed.join(', ')} can no longer change. Its description can; for anything else, ask a manager to delete it and add it again.`,
        { fields: changed },
      );
    }
    // A rejected expense the rep changes goes back to the manager, without the old decision.
    if (previous.status === 'rejected') {
      const { decision: _decision, ...rest } = fields;
      return { ...rest, status: 'submitted' };
    }
    return fields;
  },
  // Given a deal only, the expense is also its company's: the company lists what was spent on it.
  complete: (fields, { referenced }) => {
    if (!fields.dealId || fields.companyId) return fields;
    const companyId = referenced.get('deal', fields.dealId)?.companyId;
    return companyId ? { ...fields, companyId } : fields;
  },
  actions: { approve: decide('approved'), reject: decide('rejected') },
};
