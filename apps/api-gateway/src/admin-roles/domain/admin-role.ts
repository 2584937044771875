/**
 * Admin roles (PRODUCT.md §1). A wallet may hold several. `superadmin` manages roles and reads
 * the audit trail; it does not by itself review claims or move money — a superadmin who needs
 * that grants the role to a wallet explicitly, and that grant is audited.
 */
export const ADMIN_ROLES = ['reviewer', 'finance', 'superadmin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isAdminRole(value: unknown): value is AdminRole {
  return typeof value === 'string' && (ADMIN_ROLES as readonly string[]).includes(value);
}

/** Roles sorted in their declared order, without duplicates: one canonical form to store and compare. */
export function normaliseRoles(roles: readonly AdminRole[]): AdminRole[] {
  return ADMIN_ROLES.filter((role) => roles.includes(role));
}

export function holdsAnyOf(held: readonly AdminRole[], required: readonly AdminRole[]): boolean {
  return required.some((role) => held.includes(role));
}
