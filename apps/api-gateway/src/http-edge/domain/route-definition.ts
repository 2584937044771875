import type { z } from 'zod';
import type { AdminRole } from '../../admin-roles/domain/admin-role';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Who may call a route:
 * - `public`: anyone;
 * - `wallet`: any signed-in wallet (a trader, or an admin acting as one);
 * - `admin`: a signed-in wallet holding one of `roles`; with `selfField`, also a signed-in
 *   wallet whose address is the body's `selfField` (a Safe owner posting its own signature);
 * - `internal`: a caller presenting the internal key (keepers, chain watchers).
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'wallet' }
  | { readonly kind: 'admin'; readonly roles: readonly AdminRole[]; readonly selfField?: string }
  | { readonly kind: 'internal' };

/**
 * One HTTP route as the gateway knows it: the single place its inputs are described. The
 * guard validates against these schemas and the OpenAPI document is generated from them.
 * Every schema is strict: an unknown field is refused, never dropped.
 */
export interface RouteDefinition {
  /** Stable operation id, also the audit `action` of admin mutations. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Path in router form: `/purchase_orders/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: RouteAccess;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Absent: the route takes no body. Make it `.optional()` when a body may be left out. */
  readonly body?: z.ZodType;
  /** Documented success body; the gateway does not validate replies. */
  readonly response?: z.ZodType;
  readonly successStatus: 200 | 201;
}

export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/** The validated inputs of a route, typed from its schemas. */
export interface RouteInput<R extends RouteDefinition = RouteDefinition> {
  readonly params: R['params'] extends z.ZodType ? z.output<R['params']> : Record<string, never>;
  readonly query: R['query'] extends z.ZodType ? z.output<R['query']> : Record<string, never>;
  readonly body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
