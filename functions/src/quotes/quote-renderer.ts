import type { QuoteDocument } from './quote-document';

/** What a public quote page shows besides the quote: its state, the answer, and where its forms and files are. */
export type QuotePageView = {
  state: 'open' | 'accepted' | 'declined' | 'expired' | 'superseded';
  acceptedBy?: string;
  answeredAt?: string;
  actions: { accept: string; decline: string; pdf: string; opened: string; script: string };
  /** A message above the forms, in the customer's language (a missing name). */
  error?: string;
};

/** Draws a quote's document: as a PDF, and as the customer's web page. */
export type QuoteRenderer = {
  pdf(document: QuoteDocument): Promise<Buffer>;
  page(document: QuoteDocument, view: QuotePageView): string;
};
