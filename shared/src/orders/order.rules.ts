// Plain code, no schema: the pane reads these without loading zod.

/**
 * Where an order is: confirmed when the customer accepted its quote, then in progress, shipped (with carrier and
 * tracking number) and delivered; cancelled, with the reason, while it has not left.
 */
export const orderStatuses = ['confirmed', 'in-progress', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Which status may follow which: forward one step at a time, and cancelled only before it is shipped. */
export const orderStatusFlow: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  confirmed: ['in-progress', 'cancelled'],
  'in-progress': ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** Whether an order still has something to happen: neither delivered nor cancelled. */
export function orderIsOpen(status: OrderStatus): boolean {
  return status !== 'delivered' && status !== 'cancelled';
}

/** The quotes an order is made from: one the customer accepted on its page, or one sent and accepted another way (a signed copy). */
export const orderableQuoteStatuses = ['sent', 'accepted'] as const;

export const ORDER_CARRIER_MAX = 100;
export const ORDER_TRACKING_MAX = 100;
export const ORDER_REASON_MAX = 500;
export const ORDER_NOTES_MAX = 4_000;

/** How an order is named to people: "O-1042". */
export function orderReference(order: { number: number }): string {
  return `O-${order.number}`;
}
