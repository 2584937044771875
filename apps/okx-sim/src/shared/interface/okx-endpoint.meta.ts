import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../accounts/domain/permission';
import type { RateLimit } from '../../rate-limit/domain/sliding-window-limiter';

/** How an OKX route is guarded: public, or a private route needing a permission and a rate limit. */
export type OkxEndpointMeta = PublicEndpointMeta | PrivateEndpointMeta;
export interface PublicEndpointMeta {
  readonly path: string;
  readonly access: 'public';
}
export interface PrivateEndpointMeta {
  readonly path: string;
  readonly access: Permission;
  readonly rateLimit: RateLimit;
}

/** The Fastify request with the raw body bytes Nest's JSON parser keeps (`rawBody: true`). */
export interface OkxRequest extends FastifyRequest {
  rawBody?: Buffer;
}
