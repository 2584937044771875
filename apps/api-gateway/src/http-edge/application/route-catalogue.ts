import { allowedMethods } from '../domain/path-matcher';
import { routeKey, type HttpMethod, type RouteDefinition } from '../domain/route-definition';

/**
 * Every route the gateway serves, looked up by method and router path. The guard refuses a
 * route missing from it, the OpenAPI document lists exactly it, and an unmatched method on a
 * known path answers 405 from it.
 */
export class RouteCatalogue {
  private readonly byKey: ReadonlyMap<string, RouteDefinition>;

  constructor(readonly routes: readonly RouteDefinition[]) {
    const byKey = new Map<string, RouteDefinition>();
    for (const route of routes) {
      const key = routeKey(route.method, route.path);
      if (byKey.has(key)) throw new Error(`route declared twice: ${key}`);
      byKey.set(key, route);
    }
    this.byKey = byKey;
  }

  /** HEAD is served by the GET route of the same path. */
  find(method: string, path: string | undefined): RouteDefinition | undefined {
    if (path === undefined) return undefined;
    return this.byKey.get(routeKey(method === 'HEAD' ? 'GET' : method, path));
  }

  allowedMethods(path: string): HttpMethod[] {
    return allowedMethods(this.routes, path);
  }
}
