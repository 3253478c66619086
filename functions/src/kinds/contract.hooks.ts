import { fitsCurrency, invalidField, minorDigits, type Contract } from '@rapport/shared';
import { followContractRenewal } from '../contracts/contract-renewals';
import type { KindHooks } from './kind-hooks';

export const contractHooks: KindHooks<'contract'> = {
  prepare: (fields, { previous, requested, now }) => {
    if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
      throw invalidField('CONTRACT.END_BEFORE_START', 'endDate', `A contract ends on or after the day it starts (${fields.startDate}): ${fields.endDate} is before it.`);
    }
    const value = fields.value;
    if (value && requested.value !== undefined && !fitsCurrency(value.amount, value.currency)) {
      throw invalidField('CONTRACT.AMOUNT_PRECISION', 'value.amount', `${value.currency} amounts have ${minorDigits(value.currency)} decimals at most: ${value.amount} has more.`);
    }
    // Cancelled: stamped once; reinstated: neither the stamp nor the reason stays.
    if (fields.cancelled) return { ...fields, cancelled: true, cancelledAt: previous?.cancelledAt ?? now };
    const { cancelledAt: _cancelledAt, cancelReason: _cancelReason, ...kept } = fields;
    return { ...kept, cancelled: false };
  },
  // Its renewal reminder follows every write: its end, its terms, a cancellation, a delete or a restore.
  afterWrite: (contract: Contract, { store, now }) => followContractRenewal(store, contract, now),
};
