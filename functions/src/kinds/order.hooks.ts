import {
  CrmError,
  invalidField,
  orderReference,
  orderStatusFlow,
  orderableQuoteStatuses,
  quoteReference,
  type Order,
  type OrderStatus,
} from '@rapport/shared';
import { derivedId } from '../services/derived-ids';
import type { Draft, KindHooks, PrepareContext } from './kind-hooks';

// What an order takes from its quote when it is made, and keeps: no request and no later change alters it.
const FROM_THE_QUOTE = ['quoteId', 'quoteReference', 'dealId', 'companyId', 'contactId', 'currency', 'lines', 'totals', 'orderedAt', 'number'] as const;

/** The id of a quote's order: one order per quote, whether the customer's acceptance or a rep made it. */
export function orderIdOf(quoteId: string): string {
  return derivedId(quoteId, 'order');
}

export const orderHooks: KindHooks<'order'> = {
  newRecordId: (input) => orderIdOf(input.quoteId),
  prepare: async (fields, context) => (context.previous ? changedOrder(fields, context.previous, context.now) : newOrder(fields, context)),
  // The quote's rep owns its order, as they own the deal it won; someone else who makes it hands it to them.
  place: async (fields, { store, actor }) => {
    const quote = fields.quoteId ? await store.get('quote', actor.tenantId, fields.quoteId) : null;
    if (!quote || quote.ownerId === actor.userId) return null;
    const [owner] = await store.getMany('member', actor.tenantId, [quote.ownerId]);
    return owner && !owner.deactivated ? { ownerId: owner.id } : null;
  },
};

/** A new order: everything but its notes is its quote's, as the customer accepted it. */
async function newOrder(fields: Draft<'order'>, { store, actor, now }: PrepareContext<'order'>): Promise<Draft<'order'>> {
  const quote = fields.quoteId ? await store.get('quote', actor.tenantId, fields.quoteId) : null;
  // A quote that does not exist is named by the writer's reference check, with its own code.
  if (!quote) return { quoteId: fields.quoteId, status: 'confirmed', orderedAt: now };
  if (!(orderableQuoteStatuses as readonly string[]).includes(quote.status)) {
    throw new CrmError(
      'conflict',
      'ORDER.QUOTE_NOT_ORDERABLE',
      `${quoteReference(quote)} is ${quote.status}: only a quote the customer accepted (or a sent one they accepted another way) becomes an order.`,
      { status: quote.status },
    );
  }
  // The quote's customer as they still are: a contact or company deleted since the quote was sent is not named.
  const [company, contact] = await Promise.all([
    quote.companyId ? store.get('company', actor.tenantId, quote.companyId) : null,
    quote.contactId ? store.get('contact', actor.tenantId, quote.contactId) : null,
  ]);
  return {
    quoteId: quote.id,
    quoteReference: quoteReference(quote),
    dealId: quote.dealId,
    ...(company ? { companyId: company.id } : {}),
    ...(contact ? { contactId: contact.id } : {}),
    currency: quote.currency,
    lines: quote.lines,
    totals: quote.totals,
    status: 'confirmed',
    orderedAt: now,
    ...(fields.notes ? { notes: fields.notes } : {}),
  };
}

/**
 * A change of an order: its status along the flow (shipped with carrier and tracking number, cancelled with a reason,
 * each stamped with its time), how it travels and its notes. What it was made from stays.
 */
function changedOrder(fields: Draft<'order'>, previous: Order, now: string): Draft<'order'> {
  const kept: Record<string, unknown> = {};
  for (const field of FROM_THE_QUOTE) kept[field] = previous[field];
  const next: Draft<'order'> = { ...fields, ...(kept as Draft<'order'>) };
  const from = previous.status;
  const to = (next.status ?? from) as OrderStatus;
  // A move the flow refuses is named by the writer's status check.
  if (to !== from && !orderStatusFlow[from].includes(to)) return next;
  const reference = orderReference(previous);
  if ((to === 'shipped' || to === 'delivered') && (!next.carrier || !next.trackingNumber)) {
    const field = next.carrier ? 'trackingNumber' : 'carrier';
    throw invalidField('ORDER.SHIPPING_DETAILS_REQUIRED', field, `${reference} is ${to === from ? to : `becoming ${to}`}: give its carrier and tracking number.`);
  }
  if (to === 'cancelled' && !next.cancelReason) {
    throw invalidField('ORDER.CANCEL_REASON_REQUIRED', 'cancelReason', `Say why ${reference} is cancelled (cancelReason) to cancel it.`);
  }
  if (to === from) return next;
  if (to === 'shipped') return { ...next, shippedAt: now };
  if (to === 'delivered') return { ...next, deliveredAt: now };
  if (to === 'cancelled') return { ...next, cancelledAt: now };
  return next;
}
