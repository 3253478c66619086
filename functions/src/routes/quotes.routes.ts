import { quotePdfRoute, quoteReference, sendQuoteRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { recordResponse } from '../http/responses';
import type { QuotesService } from '../quotes/quotes.service';

/** Sending a quote and its PDF; quotes themselves are records at /api/quotes (bound before them). */
export function quoteRouteBindings(deps: BindDependencies, quotes: QuotesService): RouteBinding[] {
  return [
    bindRoute(deps, sendQuoteRoute, async ({ principal, params }) => recordResponse(await quotes.send(principal, params.id))),
    bindRoute(deps, quotePdfRoute, async ({ principal, params }) => {
      const { quote, bytes } = await quotes.pdf(principal, params.id);
      return { status: 200, headers: pdfHeaders(quoteReference(quote), 'attachment'), body: bytes };
    }),
  ];
}

/** A quote's PDF as a download named by its reference ("Q-1042 v2.pdf"). */
export function pdfHeaders(reference: string, disposition: 'attachment' | 'inline'): Record<string, string> {
  return {
    'content-type': 'application/pdf',
    'content-disposition': `${disposition}; filename="${reference}.pdf"`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    // Opened in a browser's viewer, a PDF runs nothing and reaches nothing.
    'content-security-policy': "default-src 'none'; sandbox",
  };
}
