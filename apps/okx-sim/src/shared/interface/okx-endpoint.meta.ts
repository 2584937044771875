import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../accounts/domain/permission';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import type { RateLimit } from '../../rate-limit/domain/sliding-window-limiter';

/** How an OKX route is guarded: public, or a private route needing a permission and a rate limit. */
export type OkxEndpointMeta =
  | { readonly path: string; readonly access: 'public' }
  | { readonly path: string; readonly access: Permission; readonly rateLimit: RateLimit };

export const OKX_ENDPOINT_META = 'okx-sim:endpoint';

/** The Fastify request as the guards leave it: the raw body kept, the authenticated key attached. */
export interface OkxRequest extends FastifyRequest {
  rawBody?: Buffer;
  okxKey?: ApiKeyRecord;
}
