import { z } from 'zod';
import { IdParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { QuoteSchema } from '../quotes/quote.schema';

export const renewalQuoteRoute = defineRoute({
  name: 'contract-renewal-quote',
  method: 'POST',
  path: '/api/contracts/{id}/renewal-quote',
  summary:
    "Makes the renewal of a contract in one step: a deal \"Renewal: {name}\" for its company in the pipeline's first open stage, and a draft quote for it (the covered products at their catalog prices, else the contract's value for a term). One per contract and end date: asking again returns the same quote",
  tag: 'Contract',
  auth: 'user',
  params: IdParamsSchema,
  body: z.strictObject({}),
  success: { status: 201, schema: QuoteSchema, description: 'The draft quote, on its new deal (the same one when asked again)' },
  errors: [409, 413],
});
