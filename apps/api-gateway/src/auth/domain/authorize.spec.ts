import { describe, expect, it } from 'vitest';
import { authorizeRoles, authorizeSelf } from './authorize';
import type { AdminRole } from '../../admin-roles/domain/admin-role';
import type { Caller } from './caller';

const session = { wallet: '0xAbC', signedInAt: 0, expiresAt: 1 };
const wallet = (roles: AdminRole[]): Caller => ({ kind: 'wallet', wallet: '0xAbC', session, roles });
const finance = { kind: 'admin' as const, roles: ['finance' as const] };
const signatures = { kind: 'admin' as const, roles: ['finance' as const], selfField: 'signer' };

describe('authorizeRoles', () => {
  it('lets non-admin routes through (authentication already happened)', () => {
    expect(authorizeRoles({ kind: 'wallet' }, wallet([])).allowed).toBe(true);
    expect(authorizeRoles({ kind: 'public' }, { kind: 'anonymous' }).allowed).toBe(true);
  });

  it('needs one of the route’s roles', () => {
    expect(authorizeRoles(finance, wallet(['finance'])).allowed).toBe(true);
    expect(authorizeRoles(finance, wallet(['reviewer', 'superadmin']))).toEqual({ allowed: false, reason: 'this route needs the role finance' });
    expect(authorizeRoles(finance, wallet([])).allowed).toBe(false);
    expect(authorizeRoles(finance, { kind: 'internal' }).allowed).toBe(false);
  });

  it('defers a role-less wallet on a self-acting route to authorizeSelf', () => {
    expect(authorizeRoles(signatures, wallet([])).allowed).toBe(true);
  });
});

describe('authorizeSelf', () => {
  it('lets a role-less wallet act only for itself', () => {
    expect(authorizeSelf(signatures, wallet([]), { signer: '0xabc' }).allowed).toBe(true);
    expect(authorizeSelf(signatures, wallet([]), { signer: '0xdef' }).allowed).toBe(false);
    expect(authorizeSelf(signatures, wallet([]), undefined).allowed).toBe(false);
  });

  it('lets a role holder act for anyone', () => {
    expect(authorizeSelf(signatures, wallet(['finance']), { signer: '0xdef' }).allowed).toBe(true);
  });
});
