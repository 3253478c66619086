import type { HttpMethod } from '@rapport/shared';
import type { RouteBinding } from './bind-route';

type CompiledRoute = { binding: RouteBinding; pattern: RegExp; paramNames: string[] };

export type RouteMatch =
  | { kind: 'found'; binding: RouteBinding; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

/** Matches a method and path against the route table, the way the Functions host does in Azure. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(bindings: RouteBinding[]) {
    this.routes = bindings.map((binding) => {
      const paramNames: string[] = [];
      const source = binding.route.path
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (param?.[1]) {
            paramNames.push(param[1]);
            return '([^/]+)';
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      return { binding, pattern: new RegExp(`^${source}/?$`), paramNames };
    });
  }

  match(method: string, pathname: string): RouteMatch {
    const allowed: HttpMethod[] = [];
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      // A GET that answers HEAD too (a tracked link) is found by either.
      const head = method === 'HEAD' && route.binding.route.method === 'GET' && route.binding.route.head === true;
      if (route.binding.route.method !== method && !head) {
        allowed.push(route.binding.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [index, name] of route.paramNames.entries()) {
        const value = safeDecode(found[index + 1] ?? '');
        // A path segment that is not valid percent-encoding names nothing that exists.
        if (value === null) return { kind: 'not-found' };
        params[name] = value;
      }
      return { kind: 'found', binding: route.binding, params };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
