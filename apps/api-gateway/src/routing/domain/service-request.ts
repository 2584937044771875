import type { Caller } from '../../auth/domain/caller';
import type { RouteInput } from '../../http-edge/domain/route-definition';

/**
 * What a backend service receives for a routed request (documented in ../README.md): who is
 * calling — the wallet a service must check ownership against — and the validated inputs.
 */
export interface ServiceRequest {
  readonly caller: { readonly kind: 'wallet'; readonly wallet: string; readonly roles?: readonly string[] } | { readonly kind: 'internal' };
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
}

export function toServiceRequest(caller: Caller, input: RouteInput): ServiceRequest {
  if (caller.kind === 'anonymous') throw new Error('routed requests always have an authenticated caller');
  return {
    caller: caller.kind === 'internal' ? { kind: 'internal' } : { kind: 'wallet', wallet: caller.wallet, ...(caller.roles ? { roles: caller.roles } : {}) },
    params: input.params as Record<string, unknown>,
    query: input.query as Record<string, unknown>,
    body: input.body ?? null,
  };
}
