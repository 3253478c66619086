import {
  CrmError,
  applyStage,
  companySegmentForDeal,
  dealAmount,
  fitsCurrency,
  invalidField,
  minorDigits,
  nextStageHistory,
  type LineItem,
} from '@rapport/shared';
import type { Draft, KindHooks } from './kind-hooks';

type LineDraft = Omit<LineItem, 'unitPrice'> & { unitPrice?: number };

export const dealHooks: KindHooks<'deal'> = {
  // The stage decides the status, the probability unless set by hand, and the close time.
  prepare: async (fields, { now, requested, previous, lookups }) => {
    const pipeline = await lookups.pipeline();
    const stage = String(fields.stage);
    const outcome = applyStage(pipeline, { stage, requestedProbability: requested.probability as number | undefined }, previous, now);
    if (!outcome) {
      const known = pipeline.stages.map((candidate) => candidate.id).join(', ');
      throw invalidField('DEAL.UNKNOWN_STAGE', 'stage', `Stage "${stage}" is not in your pipeline (${known}).`);
    }
    const { closedAt: _closedAt, ...rest } = fields;
    return {
      ...rest,
      status: outcome.status,
      probability: outcome.probability,
      stageHistory: nextStageHistory(previous, stage, now),
      ...(outcome.closedAt ? { closedAt: outcome.closedAt } : {}),
    };
  },
  complete: (fields, { requested, referenced, previous }) => {
    const currency = String(fields.currency);
    const items = ((fields.lineItems ?? []) as LineDraft[]).map((item): LineItem => {
      if (item.unitPrice !== undefined) return { ...item, unitPrice: item.unitPrice };
      // The catalog's price, unless this line overrides it: a price in another currency is no price for this deal.
      const product = referenced.get('product', item.productId);
      if (product && product.currency !== currency) {
        throw new CrmError(
          'unprocessable',
          'DEAL.CURRENCY_MISMATCH',
          `"${product.name}" is priced in ${product.currency} and this deal is in ${currency}: give the line a price in ${currency}, or choose the product's ${currency} version.`,
          { field: 'lineItems', productId: product.id },
        );
      }
      return { ...item, unitPrice: product?.unitPrice ?? 0 };
    });
    if (typeof requested.amount === 'number' && requested.amountSetByHand === false) {
      throw invalidField('DEAL.AMOUNT_OR_LINES', 'amountSetByHand', 'Send an amount (set by hand) or amountSetByHand: false (the lines\' total), not both.');
    }
    // An amount typed by hand stays when lines change, unless this request says to use the lines' total.
    // Money keeps to its currency's minor unit (no half yen): the amount and every line's price, whenever either
    // or the currency changes.
    const tooPrecise = (value: number | undefined) => value !== undefined && !fitsCurrency(value, currency);
    const precision = (field: string, value: unknown) =>
      invalidField('DEAL.AMOUNT_PRECISION', field, `${currency} amounts have ${minorDigits(currency)} decimals at most: ${String(value)} has more.`);
    if ((requested.amount !== undefined || requested.currency !== undefined) && tooPrecise(fields.amount)) throw precision('amount', fields.amount);
    if (requested.lineItems !== undefined || requested.currency !== undefined) {
      const line = items.findIndex((item) => tooPrecise(item.unitPrice));
      if (line >= 0) throw precision(`lineItems.${line}.unitPrice`, items[line]?.unitPrice);
    }
    const { amount, amountSetByHand } = dealAmount(items, { amount: fields.amount, currency }, requested, previous);
    // A won deal keeps its company's segment as it is at this write (read with the deal's references): the reports on
    // customer demographics count it there until it is saved again, whatever the company becomes meanwhile.
    const company = fields.companyId ? referenced.get('company', fields.companyId) : undefined;
    const companySegment = companySegmentForDeal(fields, company, previous);
    const { amount: _amount, companySegment: _segment, ...rest } = fields;
    const next: Draft<'deal'> = { ...rest, lineItems: items, amountSetByHand, ...(companySegment ? { companySegment } : {}) };
    return amount === undefined ? next : { ...next, amount };
  },
};
