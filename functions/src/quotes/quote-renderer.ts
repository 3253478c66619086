import type { QuoteDocument } from './quote-document';
import type { QuotePageView } from './quote-page';

export type { QuotePageView } from './quote-page';

/** Draws a quote's document: as a PDF, and as the customer's web page. */
export type QuoteRenderer = {
  pdf(document: QuoteDocument): Promise<Buffer>;
  page(document: QuoteDocument, view: QuotePageView): string;
};

/** The public page's one script file, its policy, and the words for an answer sent without the name or the tick. */
export type QuotePageAssets = { script: string; policy: string; missingName: (language: string) => string };
