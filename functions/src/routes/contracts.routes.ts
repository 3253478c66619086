import { renewalQuoteRoute } from '@rapport/shared';
import type { RenewalQuoteService } from '../contracts/renewal-quote.service';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { recordResponse } from '../http/responses';

/** A contract's renewal quote; contracts themselves are records at /api/contracts. */
export function contractRouteBindings(deps: BindDependencies, renewals: RenewalQuoteService): RouteBinding[] {
  return [
    bindRoute(deps, renewalQuoteRoute, async ({ principal, params }) => {
      const { quote, created } = await renewals.make(principal, params.id);
      // Asked again: the same quote, said to be the first one's (as a replayed create is).
      return recordResponse(quote, 201, created ? {} : { 'idempotent-replayed': 'true' });
    }),
  ];
}
