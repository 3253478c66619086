import type { Order, Quote } from '@rapport/shared';
import { orderIdOf } from '../kinds/order.hooks';
import type { RecordWriter } from '../services/record-writer';

/**
 * The order of a quote the customer accepted, made as the quote's rep (as the acceptance is). Its id is the quote's
 * own, so a replayed or raced acceptance finds it made and makes none; null when there is none to make (the quote's
 * deal was deleted meanwhile: nothing to order against).
 */
export async function orderOfAcceptedQuote(writer: RecordWriter, quote: Quote): Promise<Order | null> {
  const id = orderIdOf(quote.id);
  const { store } = writer;
  const existing = await store.get('order', quote.tenantId, id);
  if (existing) return existing;
  if (!(await store.get('deal', quote.tenantId, quote.dealId))) return null;
  // None made: made meanwhile by the other of two racing answers (or deleted by a user since: it stays so).
  return (await writer.addOnce('order', { tenantId: quote.tenantId, userId: quote.ownerId }, { quoteId: quote.id }, { id, origin: 'system' })) ?? store.get('order', quote.tenantId, id);
}
