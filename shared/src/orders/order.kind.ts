import { defineKind } from '../kinds/kind-definition';
import { orderIsOpen, orderReference, orderStatusFlow } from './order.rules';
import { OrderInputSchema, OrderPatchSchema, OrderSchema } from './order.schema';

export const orderKind = defineKind(OrderSchema, {
  plural: 'orders',
  label: 'Order',
  // Its quote, deal, company and contact each list it.
  references: [
    { field: 'quoteId', kind: 'quote', link: true },
    { field: 'dealId', kind: 'deal', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'contactId', kind: 'contact', link: true },
  ],
  timeline: false,
  // One per accepted quote, for years: spread over partitions by id, as quotes are.
  spread: true,
  numbered: { field: 'number' },
  statusFlow: { field: 'status', flow: orderStatusFlow, code: 'ORDER.STATUS_FLOW' },
  schemaVersion: 1,
  title: (order) => orderReference(order),
  index: (order) => ({ isOpen: orderIsOpen(order.status), sortAt: order.orderedAt }),
  api: {
    input: OrderInputSchema,
    patch: OrderPatchSchema,
    filters: ['ownerId', 'companyId', 'contactId', 'dealId'],
    example: {
      input: (text) => ({ quoteId: 'example-quote', notes: `${text}: deliver to the loading dock` }),
      patch: { notes: 'Deliver to the loading dock, gate 3' },
    },
  },
});
