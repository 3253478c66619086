// Plain data, no schema: the task pane imports this without loading zod.

/** Who called whom: the customer the rep (inbound) or the rep the customer (outbound). */
export const callDirections = ['outbound', 'inbound'] as const;
export type CallDirection = (typeof callDirections)[number];
