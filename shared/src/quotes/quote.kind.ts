import { defineKind } from '../kinds/kind-definition';
import { quoteReference, quoteStatusFlow } from './quote.rules';
import { QuoteInputSchema, QuotePatchSchema, QuoteSchema } from './quote.schema';

export const quoteKind = defineKind(QuoteSchema, {
  plural: 'quotes',
  label: 'Quote',
  references: [
    { field: 'dealId', kind: 'deal', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'contactId', kind: 'contact', link: true },
    { field: 'revisionOf', kind: 'quote' },
    { field: 'lines', kind: 'product', key: 'productId' },
  ],
  timeline: false,
  // A few per deal, for years: spread over partitions by id, as expenses are.
  spread: true,
  // A number per tenant that every version keeps: the quote's service gives a new version its predecessor's.
  numbered: { field: 'number' },
  statusFlow: { field: 'status', flow: quoteStatusFlow, code: 'QUOTE.STATUS_FLOW' },
  schemaVersion: 1,
  title: (quote) => quoteReference(quote),
  // Open while it waits for the customer: a draft or a sent quote.
  index: (quote) => ({ isOpen: quote.status === 'draft' || quote.status === 'sent', sortAt: quote.sentAt ?? quote.createdAt }),
  api: {
    input: QuoteInputSchema,
    patch: QuotePatchSchema,
    filters: ['ownerId', 'companyId', 'contactId', 'dealId'],
    example: {
      input: () => ({ dealId: 'example-deal', notes: 'Delivery within two weeks of the order.' }),
      patch: { paymentTerms: '30 days net' },
    },
  },
});
