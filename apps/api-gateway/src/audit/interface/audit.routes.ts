import { z } from 'zod';
import { defineRoute } from '../../http-edge/domain/route-definition';
import { pageLimit, walletAddress } from '../../http-edge/domain/wire-schemas';

/**
 * The audit trail is readable by every admin role: reviewers and finance see each other's
 * decisions (the two-person rule is only as good as its visibility), superadmins see role changes.
 */
export const AUDIT_ROUTES = {
  list: defineRoute({
    id: 'admin.audit.list',
    method: 'GET',
    path: '/admin/audit',
    tag: 'admin',
    summary: 'Admin actions, newest first (who, roles, what, target, before/after, outcome, when, trace id)',
    access: { kind: 'admin', roles: ['reviewer', 'finance', 'superadmin'] },
    query: z.strictObject({
      limit: pageLimit,
      before: z.string().regex(/^[1-9][0-9]{0,17}$/, 'expected an audit row id').optional(),
      actor: walletAddress.optional(),
      action: z.string().regex(/^[A-Za-z.]{1,64}$/, 'expected an operation id such as admin.claims.approve').optional(),
    }),
    successStatus: 200,
  }),
} as const;
