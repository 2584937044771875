import { z } from 'zod';
import { defineRoute } from '../../http-edge/domain/route-definition';
import { walletAddress } from '../../http-edge/domain/wire-schemas';
import { ADMIN_ROLES } from '../domain/admin-role';

const adminWallet = z.object({ wallet: z.string(), roles: z.array(z.enum(ADMIN_ROLES)) });

/** Role management: superadmin only; every change is audited. */
export const ADMIN_ROLE_ROUTES = {
  list: defineRoute({
    id: 'admin.roles.list',
    method: 'GET',
    path: '/admin/roles',
    tag: 'admin',
    summary: 'Every admin wallet and its roles',
    access: { kind: 'admin', roles: ['superadmin'] },
    response: z.object({ items: z.array(adminWallet) }),
    successStatus: 200,
  }),
  set: defineRoute({
    id: 'admin.roles.set',
    method: 'PUT',
    path: '/admin/roles/:wallet',
    tag: 'admin',
    summary: 'Set exactly these roles for a wallet ([] removes them all); the last superadmin cannot be demoted',
    access: { kind: 'admin', roles: ['superadmin'] },
    params: z.strictObject({ wallet: walletAddress }),
    body: z.strictObject({
      roles: z
        .array(z.enum(ADMIN_ROLES))
        .max(ADMIN_ROLES.length)
        .refine((roles) => new Set(roles).size === roles.length, { message: 'roles must not repeat' }),
    }),
    response: adminWallet,
    successStatus: 200,
  }),
} as const;
