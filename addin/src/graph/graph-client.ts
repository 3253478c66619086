import { AuthenticationHandler, Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { GraphScope } from '@rapport/shared/contract/graph-scopes';

export type GraphClientOptions = {
  /** `https://graph.microsoft.com`, or the local calendar service in local mode. */
  baseUrl: string;
  /** A delegated token carrying the scopes one call needs. */
  getToken: (scopes: GraphScope[]) => Promise<string>;
  /** Passed to fetch; tests use it to trust the local service's certificate. */
  fetchOptions?: RequestInit;
  /** Seconds to wait before a retry when the answer names none, and how many retries at most. */
  retry?: { delaySeconds: number; maxRetries: number };
};

/**
 * The Graph client: tokens per call's scopes, throttled (429) and unavailable (503, 504) answers
 * retried after their Retry-After, then fetch. The only place the add-in builds one.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const authentication = new AuthenticationHandler({
    getAccessToken: (providerOptions) => options.getToken((providerOptions?.scopes ?? []) as GraphScope[]),
  });
  const retry = new RetryHandler(new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 3));
  authentication.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  const base = new URL(options.baseUrl);
  return Client.initWithMiddleware({
    middleware: authentication,
    baseUrl: `${base.origin}/`,
    defaultVersion: 'v1.0',
    // The client sends tokens only to Graph's hosts and these (the local service's).
    customHosts: new Set([base.hostname]),
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
  });
}
