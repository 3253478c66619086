import { z } from 'zod';
import { IdParamsSchema, PublicKeyParamsSchema } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { QuoteAcceptanceSchema, QuoteDeclineSchema, QuoteSchema } from './quote.schema';

// In quote.rules.ts (plain code): the pane builds the link without loading zod.
export { PUBLIC_QUOTES_PATH, publicQuotePath } from './quote.rules';

export const sendQuoteRoute = defineRoute({
  name: 'send-quote',
  method: 'POST',
  path: '/api/quotes/{id}/send',
  summary: 'Marks a draft quote sent: it gets its public page (a personal, unguessable link that expires with it) and replaces the version it revises',
  tag: 'Quote',
  auth: 'user',
  params: IdParamsSchema,
  body: z.strictObject({}),
  success: { status: 200, schema: QuoteSchema, description: 'The sent quote, with its public key (a second send returns it as it is)' },
  errors: [403, 409, 422],
});

export const quotePdfRoute = defineRoute({
  name: 'quote-pdf',
  method: 'GET',
  path: '/api/quotes/{id}/pdf',
  summary: "A quote's document as a PDF, in the customer's language (to attach to an e-mail)",
  tag: 'Quote',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, description: 'The PDF' },
});

export const QuoteAnsweredSchema = z.object({ status: z.enum(['accepted', 'declined']) }).meta({ id: 'QuoteAnswered' });

export const publicQuotePageRoute = defineRoute({
  name: 'public-quote-page',
  method: 'GET',
  path: '/api/public/quotes/{key}',
  summary: "The customer's page of a quote, opened from the link in the e-mail: the quote, and the forms to accept or decline it (no token; it changes nothing)",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  success: { status: 200, description: 'The page (HTML)' },
  errors: [410, 429],
});

export const publicQuotePdfRoute = defineRoute({
  name: 'public-quote-pdf',
  method: 'GET',
  path: '/api/public/quotes/{key}/pdf',
  summary: "The quote's PDF for the customer (no token)",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  success: { status: 200, description: 'The PDF' },
  errors: [410, 429],
});

export const quoteOpenedRoute = defineRoute({
  name: 'quote-opened',
  method: 'POST',
  path: '/api/public/quotes/{key}/opened',
  summary: "Sent by the page's script once a person sees it (never by loading the page, which a mail scanner does): records when the quote was opened, time only",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  success: { status: 204, description: 'Recorded (or not counted)' },
  errors: [410, 429],
});

export const acceptQuoteRoute = defineRoute({
  name: 'accept-quote',
  method: 'POST',
  path: '/api/public/quotes/{key}/accept',
  summary: "The customer's acceptance: the name they type and the terms they tick. A plain form post is sent back to the page (303); JSON gets the answer",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  body: QuoteAcceptanceSchema,
  success: { status: 200, schema: QuoteAnsweredSchema, description: 'Accepted' },
  errors: [303, 409, 410, 413, 415, 429],
});

export const declineQuoteRoute = defineRoute({
  name: 'decline-quote',
  method: 'POST',
  path: '/api/public/quotes/{key}/decline',
  summary: "The customer's decline, with the reason if they give one (a plain form post is sent back to the page)",
  tag: 'Public pages',
  auth: 'none',
  params: PublicKeyParamsSchema,
  body: QuoteDeclineSchema,
  success: { status: 200, schema: QuoteAnsweredSchema, description: 'Declined' },
  errors: [303, 409, 410, 413, 415, 429],
});

export const quotePageScriptRoute = defineRoute({
  name: 'quote-page-script',
  method: 'GET',
  path: '/api/public/quote-page.js',
  summary: "The public quote page's one script: it says the page was seen by a person (see quote-opened)",
  tag: 'Public pages',
  auth: 'none',
  success: { status: 200, description: 'The script' },
});
