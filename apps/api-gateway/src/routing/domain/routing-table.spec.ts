import { describe, expect, it } from 'vitest';
import { BACKEND_SERVICES } from '@liqpass/config';
import { isMutation } from './proxy-route';
import { PROXY_ROUTES } from './routing-table';

const services = BACKEND_SERVICES.map((s) => s.name);

describe('the routing table', () => {
  it('sends every route to a backend service (or one the caller names from that list)', () => {
    for (const route of PROXY_ROUTES) {
      expect(route.target.service === 'query:service' || services.includes(route.target.service as never), route.id).toBe(true);
      expect(route.target.method, route.id).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
    }
  });

  it('protects /admin with roles, /internal with the internal key, and everything else with a session', () => {
    for (const route of PROXY_ROUTES) {
      const expected = route.path.startsWith('/admin/') ? 'admin' : route.path.startsWith('/internal/') ? 'internal' : 'wallet';
      expect(route.access.kind, route.id).toBe(expected);
      if (route.access.kind === 'admin') expect(route.access.roles.length, route.id).toBeGreaterThan(0);
    }
  });

  it('names an audit target for every admin mutation', () => {
    for (const route of PROXY_ROUTES.filter((r) => r.access.kind === 'admin' && isMutation(r))) {
      expect('auditTarget' in route && typeof route.auditTarget, route.id).toBe('function');
    }
  });

  it('keeps finance actions away from reviewers and review actions away from finance', () => {
    const roles = Object.fromEntries(PROXY_ROUTES.map((r) => [r.id, r.access.kind === 'admin' ? r.access.roles : []]));
    expect(roles['admin.claims.approve']).toEqual(['reviewer']);
    expect(roles['admin.claims.reject']).toEqual(['reviewer']);
    for (const id of ['admin.payouts.execute', 'admin.payouts.addSignature', 'admin.claims.markPaid', 'admin.payouts.export', 'admin.payouts.release', 'admin.payouts.repropose']) {
      expect(roles[id], id).toEqual(['finance']);
    }
    // Raw OKX bodies of any trader's account: the reviewer who judges the claim, nobody else.
    expect(roles['admin.claims.evidence']).toEqual(['reviewer']);
  });

  it('uses each operation id once', () => {
    expect(new Set(PROXY_ROUTES.map((r) => r.id)).size).toBe(PROXY_ROUTES.length);
  });
});
