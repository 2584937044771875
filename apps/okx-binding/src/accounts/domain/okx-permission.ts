/**
 * OKX's `perm` on /account/config: comma-separated `read_only`, `trade`, `withdraw`. LiqPass
 * only ever reads, and a key that could trade or withdraw is a liability it will not hold —
 * so a key qualifies only when `read_only` is its one and only permission.
 */
export function permissionsOf(perm: string): string[] {
  return perm
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function isReadOnlyKey(perm: string): boolean {
  const perms = permissionsOf(perm);
  return perms.length > 0 && perms.every((p) => p === 'read_only');
}
