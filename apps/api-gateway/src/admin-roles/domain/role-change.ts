import { normaliseRoles, type AdminRole } from './admin-role';

export interface RoleChange {
  readonly wallet: string;
  readonly before: AdminRole[];
  readonly after: AdminRole[];
}

export type RoleChangeDecision = { readonly ok: true; readonly change: RoleChange } | { readonly ok: false; readonly reason: string };

/**
 * Decides a superadmin's request to set a wallet's roles. The last superadmin cannot be
 * demoted, or nobody could manage roles any more without touching the database.
 */
export function decideRoleChange(
  wallet: string,
  current: readonly AdminRole[],
  requested: readonly AdminRole[],
  superadminCount: number,
): RoleChangeDecision {
  const before = normaliseRoles(current);
  const after = normaliseRoles(requested);
  const demotesSuperadmin = before.includes('superadmin') && !after.includes('superadmin');
  if (demotesSuperadmin && superadminCount <= 1) {
    return { ok: false, reason: 'the last superadmin cannot lose that role; make another wallet superadmin first' };
  }
  return { ok: true, change: { wallet, before, after } };
}

/** Groups configured `role:wallet` seeds by wallet, roles in canonical order. */
export function groupSeeds(seeds: readonly { readonly role: AdminRole; readonly wallet: string }[]): Map<string, AdminRole[]> {
  const byWallet = new Map<string, AdminRole[]>();
  for (const { role, wallet } of seeds) byWallet.set(wallet, normaliseRoles([...(byWallet.get(wallet) ?? []), role]));
  return byWallet;
}
