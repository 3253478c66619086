import { submitWebFormRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { readJsonOrFormBody } from '../http/request';
import { visitorOf, type PublicPageLimits } from '../http/rate-limit';
import { json } from '../http/responses';
import type { WebFormService } from '../services/web-form.service';

// Shown to a visitor whose browser posted the form when the form names no thank-you page of its own.
const THANK_YOU_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Thank you</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
<h1>Thank you</h1><p>We have your message and will be in touch soon.</p></body></html>`;

export function webFormRouteBindings(deps: BindDependencies, forms: WebFormService, limits: PublicPageLimits): RouteBinding[] {
  // The body is read here rather than by the binding: a browser's form post is not JSON.
  const route = { ...submitWebFormRoute, body: undefined };
  return [
    bindRoute(deps, route, async ({ params, request }) => {
      limits.check(params.formKey, visitorOf(request));
      const { value, from } = await readJsonOrFormBody(request, submitWebFormRoute.body);
      const { thankYouUrl } = await forms.submit(params.formKey, value);
      if (from === 'json') return json(202, { status: 'received' });
      if (thankYouUrl) return { status: 303, headers: { location: thankYouUrl } as Record<string, string> };
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }, body: THANK_YOU_PAGE };
    }),
  ];
}
