import { useApi } from './ApiProvider';

/**
 * The full address of a public page (a quote's, an article's), the link a rep gives a customer: under the API's origin
 * (the page's own in the demo, where the API is served with the pane).
 */
export function usePublicPageUrl(): (path: string) => string {
  const base = useApi().baseUrl || window.location.origin;
  return (path) => new URL(path, base).toString();
}
