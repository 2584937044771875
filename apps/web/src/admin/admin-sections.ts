/**
 * The admin console's sections and the roles that may open each: exactly the roles the gateway's
 * routes for that section accept (apps/api-gateway routing table, audit and admin-roles routes),
 * so the nav never offers a page whose calls would all answer 403. The browser journey compares
 * these lists with the `x-roles` of /docs-json, so a change on either side fails a test.
 */
export type AdminRole = 'reviewer' | 'finance' | 'superadmin';

export interface AdminSection {
  readonly path: string;
  readonly label: string;
  /** Any one of these opens the section. */
  readonly roles: readonly AdminRole[];
  /** The gateway operation whose roles these are (its OpenAPI operationId). */
  readonly operation: string;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: '/admin', label: 'Claims', roles: ['reviewer', 'finance'], operation: 'admin.claims.list' },
  { path: '/admin/payouts', label: 'Payouts', roles: ['reviewer', 'finance'], operation: 'admin.payouts.list' },
  { path: '/admin/reconciliation', label: 'Reconciliation', roles: ['finance'], operation: 'admin.reconciliation.get' },
  { path: '/admin/dead-letters', label: 'Dead letters', roles: ['superadmin', 'finance'], operation: 'admin.deadLetters.list' },
  { path: '/admin/audit', label: 'Audit log', roles: ['reviewer', 'finance', 'superadmin'], operation: 'admin.audit.list' },
  { path: '/admin/roles', label: 'Roles', roles: ['superadmin'], operation: 'admin.roles.list' },
];

/** The sections a wallet holding `roles` may open, in nav order. */
export function sectionsFor(roles: readonly string[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
}

/** The section a path belongs to (a claim's detail page belongs to Claims). */
export function sectionOf(path: string): AdminSection | undefined {
  if (/^\/admin\/claims\//.test(path)) return ADMIN_SECTIONS[0];
  return ADMIN_SECTIONS.find((s) => s.path === path);
}
