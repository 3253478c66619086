import type { MemberLanguage } from '@rapport/shared';
import { quoteLabels } from './quote-labels';
import { QUOTE_PAGE_POLICY, QUOTE_PAGE_SCRIPT, renderQuotePage } from './quote-page';
import type { QuotePageAssets, QuoteRenderer } from './quote-renderer';

/**
 * The quote's PDF (pdfkit) and its public page (HTML), drawn from the same document. The PDF library and its fonts load
 * with the first PDF, not with the API: a cold start (and a host that never draws a quote) does not pay for them.
 */
export function quoteRenderer(): QuoteRenderer {
  return { pdf: async (document) => (await import('./quote-pdf')).renderQuotePdf(document), page: renderQuotePage };
}

/** The public page's one script, its policy, and the words for an answer sent without the name or the tick. */
export const quotePageAssets: QuotePageAssets = {
  script: QUOTE_PAGE_SCRIPT,
  policy: QUOTE_PAGE_POLICY,
  missingName: (language) => quoteLabels[language as MemberLanguage].missingAnswer,
};
