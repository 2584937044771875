import { holdsAnyOf } from '../../admin-roles/domain/admin-role';
import type { RouteAccess } from '../../http-edge/domain/route-definition';
import type { Caller } from './caller';

export type AuthorizationDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: AuthorizationDecision = { allowed: true };

/**
 * Role check before the body is read. An admin route lets through a wallet holding one of its
 * roles, and — on a route with `selfField` — any signed-in wallet, whose claim to act for itself
 * `authorizeSelf` then checks against the validated body.
 */
export function authorizeRoles(access: RouteAccess, caller: Caller): AuthorizationDecision {
  if (access.kind !== 'admin') return ALLOWED;
  if (caller.kind !== 'wallet') return { allowed: false, reason: 'this route needs a signed-in admin wallet' };
  if (holdsAnyOf(caller.roles ?? [], access.roles)) return ALLOWED;
  if (access.selfField) return ALLOWED;
  return { allowed: false, reason: `this route needs the role ${access.roles.join(' or ')}` };
}

/** On a `selfField` route, a wallet without the role may act only for itself. */
export function authorizeSelf(access: RouteAccess, caller: Caller, body: unknown): AuthorizationDecision {
  if (access.kind !== 'admin' || !access.selfField || caller.kind !== 'wallet') return ALLOWED;
  if (holdsAnyOf(caller.roles ?? [], access.roles)) return ALLOWED;
  const named = (body as Record<string, unknown> | undefined)?.[access.selfField];
  if (typeof named === 'string' && named.toLowerCase() === caller.wallet.toLowerCase()) return ALLOWED;
  return {
    allowed: false,
    reason: `this route needs the role ${access.roles.join(' or ')}, or ${access.selfField} must be the signed-in wallet`,
  };
}
