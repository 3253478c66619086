import { amountWasSetByHand, type RecordKind } from '@rapport/shared';
import type { AnyRecord } from './store';

/**
 * Records written by an earlier release, brought to today's shape as either store reads them (one place for
 * both). Each upgrade fills only what an older record lacks, so it is idempotent: a record read, upgraded and
 * saved again is left alone by it, and saving is what makes the upgrade permanent. In order of release:
 * 1. deals say whether their amount was set by hand (`amountSetByHand`), derived as `amountWasSetByHand` says.
 */
export function upgradeRecord<R extends AnyRecord>(kind: RecordKind, record: R): R {
  if (kind === 'deal') {
    const deal = record as unknown as { amountSetByHand?: boolean; amount?: number; lineItems?: []; currency: string };
    if (deal.amountSetByHand === undefined) return { ...record, amountSetByHand: amountWasSetByHand({ amount: deal.amount, lineItems: deal.lineItems ?? [], currency: deal.currency }) };
  }
  return record;
}
