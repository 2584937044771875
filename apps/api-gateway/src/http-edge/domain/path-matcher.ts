import type { HttpMethod } from './route-definition';

export interface RoutePattern {
  readonly method: HttpMethod;
  readonly path: string;
}

/** True when a concrete path (no query) fits a router pattern such as `/claims/:id/evidence`. */
export function matchesPattern(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return false;
  return want.every((segment, i) => (segment.startsWith(':') ? got[i] !== '' : segment === got[i]));
}

/**
 * The methods some route serves at this path. An unmatched request to a path that exists
 * answers 405 with these in `Allow`; a path no route serves answers 404.
 */
export function allowedMethods(routes: readonly RoutePattern[], path: string): HttpMethod[] {
  const methods = new Set<HttpMethod>();
  for (const route of routes) if (matchesPattern(route.path, path)) methods.add(route.method);
  return [...methods].sort();
}
