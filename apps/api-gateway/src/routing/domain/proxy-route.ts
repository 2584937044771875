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
