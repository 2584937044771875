import { isProducer, type Producer } from '@liqpass/events';
import type { RouteDefinition, RouteInput } from '../../http-edge/domain/route-definition';

/** Where a route's request goes: a service and one of its NATS request/reply methods. */
export interface ServiceTarget {
  /** A backend service name, or `query:<field>` when the caller names the service. */
  readonly service: string;
  readonly method: string;
}

export interface ProxyRoute extends RouteDefinition {
  readonly target: ServiceTarget;
  /** For admin mutations: what the audit row names as the target, e.g. `claim:<id>`. */
  readonly auditTarget?: (input: RouteInput) => string;
  /**
   * A wallet's read whose answer may be served from the gateway's ReadCache: every change to
   * what it reads must come with an event of the target service (PRODUCT.md §4: each transition
   * is written with its outbox event).
   */
  readonly cacheable?: true;
}

export function defineProxyRoute<const R extends ProxyRoute>(route: R): R {
  return route;
}

/** The service a request is sent to, resolving `query:<field>` against the validated query. */
export function resolveService(target: ServiceTarget, input: RouteInput): string {
  if (!target.service.startsWith('query:')) return target.service;
  const field = target.service.slice('query:'.length);
  const named = (input.query as Record<string, unknown>)[field];
  if (typeof named !== 'string') throw new Error(`route names its service by query field ${field}, which is missing`);
  return named;
}

/** A route mutates state when it is not a read; admin mutations are audited. */
export const isMutation = (route: RouteDefinition) => route.method !== 'GET';

/** Audit target `<kind>:<:id path parameter>`, e.g. `claim:0191…`. */
export const idTarget =
  (kind: string) =>
  (input: RouteInput): string =>
    `${kind}:${String((input.params as Record<string, unknown>).id)}`;

/**
 * The services whose events invalidate cached reads: the target of every cacheable route,
 * which must publish events (a producer), or nothing would ever make its answers stale.
 */
export function cachedScopes(routes: readonly ProxyRoute[]): Producer[] {
  const scopes = new Set<Producer>();
  for (const route of routes.filter((r) => r.cacheable)) {
    const service = route.target.service;
    if (!isProducer(service)) throw new Error(`route ${route.id} is cacheable but ${service} publishes no events to invalidate it`);
    if (route.method !== 'GET' || route.access.kind !== 'wallet') throw new Error(`route ${route.id}: only a wallet's GET may be cacheable`);
    scopes.add(service);
  }
  return [...scopes];
}
