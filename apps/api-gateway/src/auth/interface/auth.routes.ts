import { z } from 'zod';
import { defineRoute } from '../../http-edge/domain/route-definition';
import { ecdsaSignature, emptyBody } from '../../http-edge/domain/wire-schemas';
import { ADMIN_ROLES } from '../../admin-roles/domain/admin-role';

const session = z.object({
  token: z.string(),
  address: z.string(),
  roles: z.array(z.enum(ADMIN_ROLES)),
  expiresAt: z.string(),
});

/** Sign-In with Ethereum (EIP-4361) and the session that follows. */
export const AUTH_ROUTES = {
  nonce: defineRoute({
    id: 'auth.siwe.nonce',
    method: 'POST',
    path: '/auth/siwe/nonce',
    tag: 'auth',
    summary: 'A single-use nonce to put in the EIP-4361 message',
    access: { kind: 'public' },
    body: emptyBody,
    response: z.object({ nonce: z.string(), expiresAt: z.string() }),
    successStatus: 201,
  }),
  verify: defineRoute({
    id: 'auth.siwe.verify',
    method: 'POST',
    path: '/auth/siwe/verify',
    tag: 'auth',
    summary: 'Exchange a signed EIP-4361 message for a session token',
    access: { kind: 'public' },
    body: z.strictObject({
      message: z.string().min(1, 'must not be empty').max(4096),
      signature: ecdsaSignature,
    }),
    response: session,
    successStatus: 200,
  }),
  refresh: defineRoute({
    id: 'auth.refresh',
    method: 'POST',
    path: '/auth/refresh',
    tag: 'auth',
    summary: 'Exchange a live session token for a fresh one (until the session’s maximum age)',
    access: { kind: 'wallet' },
    body: emptyBody,
    response: session.omit({ roles: true }),
    successStatus: 200,
  }),
  session: defineRoute({
    id: 'auth.session',
    method: 'GET',
    path: '/auth/session',
    tag: 'auth',
    summary: 'The signed-in wallet, its admin roles and when the session expires',
    access: { kind: 'wallet' },
    response: session.omit({ token: true }),
    successStatus: 200,
  }),
} as const;
