import type { QuoteDocument } from './quote-document';
import type { QuotePageView } from './quote-page';

export type { QuotePageView } from './quote-page';

/** Draws a quote's document: as a PDF, and as the customer's web page. */
export type QuoteRenderer = {
  pdf(document: QuoteDocument): Promise<Buffer>;
  page(document: QuoteDocument, view: QuotePageView): string;
};
