import type { AdminRole } from '../../admin-roles/domain/admin-role';
import type { SessionClaims } from './session';

/**
 * Who is calling, as established at the edge. A wallet caller's `roles` are read from the
 * role table only on admin routes (undefined elsewhere), so trader traffic never waits on it.
 */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'wallet'; readonly wallet: string; readonly session: SessionClaims; readonly roles?: readonly AdminRole[] }
  | { readonly kind: 'internal' };

export const ANONYMOUS: Caller = { kind: 'anonymous' };
