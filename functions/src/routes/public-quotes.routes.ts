import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import {
  CrmError,
  QuoteAcceptanceSchema,
  acceptQuoteRoute,
  declineQuoteRoute,
  publicQuotePageRoute,
  publicQuotePath,
  publicQuotePdfRoute,
  quoteOpenedRoute,
  quotePageScriptRoute,
  quoteReference,
  QuoteDeclineSchema,
} from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { visitorOf, type PublicPageLimits } from '../http/rate-limit';
import { readJsonOrFormBody } from '../http/request';
import { json, noContent } from '../http/responses';
import { publicPageHeaders } from '../pages/public-error-page';
import { isFormPost, publicPageHandler } from '../pages/public-page-handler';
import type { PublicQuotesService } from '../quotes/public-quotes.service';
import type { QuotePageAssets, QuotePageView } from '../quotes/quote-renderer';
import { pdfHeaders } from './quotes.routes';


// Who opens a quote's page without a person behind it: link checkers, previewers and mail scanners. They never count
// as the customer opening it (README: "When a quote counts as opened").
const NOT_A_PERSON = /bot|crawl|spider|slurp|preview|scanner|headless|phantom|python|curl|wget|go-http|okhttp|java\/|libwww|httpclient|safelinks|proofpoint|mimecast|barracuda/i;

/**
 * The customer's side of a quote, with no token: its page, its PDF, the page's "seen" signal, and the answer. Every
 * request is rate-limited per visitor and per quote; pages carry a strict Content-Security-Policy; an error is a page
 * in the visitor's language, except for a JSON client, which gets the API's error.
 */
export function publicQuoteRouteBindings(deps: BindDependencies, quotes: PublicQuotesService, limits: PublicPageLimits, assets: QuotePageAssets): RouteBinding[] {
  const asPage = (handle: (request: HttpRequest, key: string) => Promise<HttpResponseInit>) => publicPageHandler(limits, handle);
  const page = async (key: string, error?: string): Promise<HttpResponseInit> => {
    const { quote, document, state } = await quotes.read(key);
    const base = publicQuotePath(key);
    const view: QuotePageView = {
      state,
      ...(quote.answer?.name ? { acceptedBy: quote.answer.name } : {}),
      ...(quote.answer ? { answeredAt: quote.answer.at } : {}),
      actions: { accept: `${base}/accept`, decline: `${base}/decline`, pdf: `${base}/pdf`, opened: `${base}/opened`, script: quotePageScriptRoute.path },
      ...(error ? { error } : {}),
    };
    return { status: error ? 400 : 200, headers: { 'content-type': 'text/html; charset=utf-8', ...publicPageHeaders(assets.policy) }, body: quotes.renderPage(document, view) };
  };
  // A browser's form post goes back to the page, which shows the answer (or why there can be none); JSON gets the API's.
  const backToPage = (key: string): HttpResponseInit => ({ status: 303, headers: { location: publicQuotePath(key), 'cache-control': 'no-store' } });
  const answered = (kind: 'accept' | 'decline') =>
    asPage(async (request, key) => {
      let form = false;
      try {
        if (kind === 'accept') {
          const { value, from } = await readJsonOrFormBody(request, QuoteAcceptanceSchema);
          form = from === 'form';
          await quotes.accept(key, value.name);
          return form ? backToPage(key) : json(200, { status: 'accepted' });
        }
        const { value, from } = await readJsonOrFormBody(request, QuoteDeclineSchema);
        form = from === 'form';
        await quotes.decline(key, value.reason?.trim() || undefined);
        return form ? backToPage(key) : json(200, { status: 'declined' });
      } catch (error) {
        const fromForm = form || isFormPost(request);
        if (!fromForm || !(error instanceof CrmError)) throw error;
        // A form sent without the name or the tick: the page again, saying what is missing, in the quote's language.
        if (error.code === 'REQUEST.VALIDATION_FAILED') {
          const { document } = await quotes.read(key);
          return page(key, assets.missingName(document.language));
        }
        if (error.code === 'QUOTE.ALREADY_ANSWERED' || error.code === 'QUOTE.EXPIRED' || error.code === 'QUOTE.SUPERSEDED' || error.code === 'QUOTE.NOT_SENT') return backToPage(key);
        throw error;
      }
    });
  return [
    bindRoute(deps, quotePageScriptRoute, async () => ({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' },
      body: assets.script,
    })),
    bindRoute(deps, publicQuotePageRoute, asPage((_request, key) => page(key))),
    bindRoute(
      deps,
      publicQuotePdfRoute,
      asPage(async (_request, key) => {
        const { quote, bytes } = await quotes.pdf(key);
        return { status: 200, headers: { ...pdfHeaders(quoteReference(quote), 'inline'), 'x-robots-tag': 'noindex' }, body: bytes };
      }),
    ),
    bindRoute(deps, quoteOpenedRoute, async ({ request, params }) => {
      limits.check(params.key, visitorOf(request));
      if (!NOT_A_PERSON.test(request.headers.get('user-agent') ?? '')) await quotes.opened(params.key);
      return noContent();
    }),
    // The answers' bodies are read by the handler: a browser's form post is not JSON.
    bindRoute(deps, { ...acceptQuoteRoute, body: undefined }, answered('accept')),
    bindRoute(deps, { ...declineQuoteRoute, body: undefined }, answered('decline')),
  ];
}
