import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { visitorOf, type PublicPageLimits } from '../http/rate-limit';
import { publicErrorPage } from './public-error-page';

/**
 * A public page's handler (a quote to accept, a survey to answer): rate-limited per visitor and per item, and an error
 * answered as a page in the visitor's language, except to a JSON client, which gets the API's error.
 */
export function publicPageHandler(limits: PublicPageLimits, handle: (request: HttpRequest, key: string) => Promise<HttpResponseInit>) {
  return async ({ request, params }: { request: HttpRequest; params: { key: string } }): Promise<HttpResponseInit> => {
    try {
      limits.check(params.key, visitorOf(request));
      return await handle(request, params.key);
    } catch (error) {
      if (wantsJson(request)) throw error;
      return publicErrorPage(error, request.headers.get('accept-language'));
    }
  };
}

/** A plain HTML form's post. */
export function isFormPost(request: HttpRequest): boolean {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** A client that asks for JSON (the API's own callers and tests) gets the API's errors; a browser gets a page. */
export function wantsJson(request: HttpRequest): boolean {
  const accept = request.headers.get('accept') ?? '';
  return (accept.includes('application/json') && !accept.includes('text/html')) || (request.headers.get('content-type') ?? '').startsWith('application/json');
}
