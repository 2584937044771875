import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import type { RawQuery } from '../domain/query-params';
import type { PrivateEndpointMeta, PublicEndpointMeta } from './okx-endpoint.meta';

/** What a private route's handler gets once the request passed faults, auth and the rate limit. */
export interface PrivateCall {
  readonly key: ApiKeyRecord;
  readonly query: RawQuery;
  /** The parsed JSON body (POST), else undefined. */
  readonly body: unknown;
}

/**
 * One OKX route: its guarding and a handler returning the envelope's `data`. Handlers are
 * synchronous and throw OkxError; OkxRouter does the rest (faults, auth, limit, envelope).
 */
export type OkxRoute =
  | { readonly kind: 'public'; readonly method: 'GET'; readonly meta: PublicEndpointMeta; readonly handle: (query: RawQuery) => readonly unknown[] }
  | { readonly kind: 'private'; readonly method: 'GET' | 'POST'; readonly meta: PrivateEndpointMeta; readonly handle: (call: PrivateCall) => readonly unknown[] };

/** A feature's OKX routes (account, trade, market), collected by OkxRouter. */
export interface OkxRoutes {
  routes(): readonly OkxRoute[];
}

export const OKX_ROUTES = Symbol('OKX_ROUTES');

/** A GET route of the OKX API, signed and rate-limited per key. */
export function okxGet(meta: PrivateEndpointMeta, handle: (call: PrivateCall) => readonly unknown[]): OkxRoute {
  return { kind: 'private', method: 'GET', meta, handle };
}

/** A POST route of the OKX API; OKX answers 200 to POSTs, errors included in the envelope. */
export function okxPost(meta: PrivateEndpointMeta, handle: (call: PrivateCall) => readonly unknown[]): OkxRoute {
  return { kind: 'private', method: 'POST', meta, handle };
}

/** A public GET route: no key, no rate limit (faults still apply). */
export function publicGet(path: string, handle: (query: RawQuery) => readonly unknown[]): OkxRoute {
  return { kind: 'public', method: 'GET', meta: { path, access: 'public' }, handle };
}
