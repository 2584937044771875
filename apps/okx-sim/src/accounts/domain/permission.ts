/** OKX key permissions; every OKX key can read, so `read_only` is always part of `perm`. */
export const PERMISSIONS = ['read_only', 'trade', 'withdraw'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Parses OKX's comma-separated `perm`; null when it names an unknown permission or lacks read_only. */
export function parsePerm(text: string): Permission[] | null {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !PERMISSIONS.includes(part as Permission))) return null;
  const perms = PERMISSIONS.filter((perm) => parts.includes(perm));
  return perms.includes('read_only') ? perms : null;
}

/** The canonical rendering OKX uses: known order, comma-separated, no spaces. */
export function formatPerm(perms: readonly Permission[]): string {
  return PERMISSIONS.filter((perm) => perms.includes(perm)).join(',');
}
