import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCredentials } from '@liqpass/db';
import { SeedAdminRolesHandler } from '../application/seed-admin-roles/seed-admin-roles.handler';
import { SAMPLE_UUID, VALID_BODIES } from '../../testing/route-requests';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { StandInServices } from '../../testing/stand-in-services';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

/** Roles seeded from configuration, enforced per route, managed by a superadmin, audited append-only. */
describe('admin roles', () => {
  let gw: TestGateway;
  let services: StandInServices;
  const superadmin = anvilWallet(0);
  const reviewer = anvilWallet(1);
  const finance = anvilWallet(2);
  const trader = anvilWallet(8);
  const token: Record<string, string> = {};

  beforeAll(async () => {
    gw = await startTestGateway('gateway_roles');
    services = new StandInServices(gw.nc, gw.prefix);
    await gw.nc.flush();
    [token.superadmin, token.reviewer, token.finance, token.trader] = await Promise.all(
      [superadmin, reviewer, finance, trader].map((wallet) => signIn(gw.base, wallet)),
    );
  });
  afterAll(async () => {
    await services?.close();
    await gw?.close();
  });

  const as = (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gw.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const expectForbidden = async (response: Response) => {
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'FORBIDDEN', traceId: response.headers.get('x-correlation-id') });
  };

  it('seeds anvil accounts 0, 1 and 2 as superadmin, reviewer and finance, and audits the seed', async () => {
    const response = await as('superadmin', 'GET', '/admin/roles');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items).toEqual(
      expect.arrayContaining([
        { wallet: superadmin.address, roles: ['superadmin'] },
        { wallet: reviewer.address, roles: ['reviewer'] },
        { wallet: finance.address, roles: ['finance'] },
      ]),
    );
    const seeded = await gw.sql<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'admin.roles.seed'`);
    expect(seeded.map((row) => row.actor)).toEqual(['config:ADMIN_WALLETS', 'config:ADMIN_WALLETS', 'config:ADMIN_WALLETS']);
  });

  it('refuses a trader token on every kind of /admin route, before any service sees it', async () => {
    services.calls.length = 0;
    await expectForbidden(await as('trader', 'GET', '/admin/roles'));
    await expectForbidden(await as('trader', 'GET', '/admin/claims'));
    await expectForbidden(await as('trader', 'GET', '/admin/audit'));
    await expectForbidden(await as('trader', 'POST', `/admin/claims/${SAMPLE_UUID}/approve`, {}));
    await expectForbidden(await as('trader', 'POST', `/admin/payouts/${SAMPLE_UUID}/execute`, {}));
    await expectForbidden(await as('trader', 'PUT', `/admin/roles/${trader.address}`, { roles: ['superadmin'] }));
    expect(services.calls).toEqual([]);
  });

  it('keeps reviewers off finance actions and finance off review actions', async () => {
    services.calls.length = 0;
    await expectForbidden(await as('reviewer', 'POST', `/admin/payouts/${SAMPLE_UUID}/execute`, {}));
    await expectForbidden(await as('reviewer', 'POST', `/admin/claims/${SAMPLE_UUID}/mark-paid`, VALID_BODIES['admin.claims.markPaid']));
    await expectForbidden(await as('reviewer', 'POST', `/admin/payouts/${SAMPLE_UUID}/signatures`, VALID_BODIES['admin.payouts.addSignature']));
    await expectForbidden(await as('reviewer', 'POST', `/admin/payouts/${SAMPLE_UUID}/release`, VALID_BODIES['admin.payouts.release']));
    await expectForbidden(await as('reviewer', 'POST', `/admin/payouts/${SAMPLE_UUID}/repropose`, {}));
    await expectForbidden(await as('reviewer', 'GET', '/admin/payouts/export'));
    await expectForbidden(await as('finance', 'POST', `/admin/claims/${SAMPLE_UUID}/approve`, {}));
    await expectForbidden(await as('superadmin', 'POST', `/admin/claims/${SAMPLE_UUID}/approve`, {}));
    expect(services.calls).toEqual([]);
    expect((await as('reviewer', 'POST', `/admin/claims/${SAMPLE_UUID}/approve`, {})).status).toBe(200);
    expect((await as('finance', 'POST', `/admin/payouts/${SAMPLE_UUID}/execute`, {})).status).toBe(200);
    expect((await as('finance', 'POST', `/admin/payouts/${SAMPLE_UUID}/release`, VALID_BODIES['admin.payouts.release'])).status).toBe(200);
  });

  it('lets a Safe owner without a role post only its own signature', async () => {
    const owner = anvilWallet(3);
    token.owner = await signIn(gw.base, owner);
    const signature = { signer: owner.address, signature: `0x${'ab'.repeat(65)}` };
    expect((await as('owner', 'POST', `/admin/payouts/${SAMPLE_UUID}/signatures`, signature)).status).toBe(201);
    await expectForbidden(await as('owner', 'POST', `/admin/payouts/${SAMPLE_UUID}/signatures`, { ...signature, signer: anvilWallet(4).address }));
    await expectForbidden(await as('owner', 'POST', `/admin/payouts/${SAMPLE_UUID}/execute`, {}));
  });

  it('lets a superadmin grant and revoke roles, effective at once and audited with before and after', async () => {
    await expectForbidden(await as('trader', 'GET', '/admin/claims'));
    const grant = await as('superadmin', 'PUT', `/admin/roles/${trader.address.toLowerCase()}`, { roles: ['reviewer'] }, { 'x-correlation-id': 'trace-grant' });
    expect([grant.status, await grant.json()]).toEqual([200, { wallet: trader.address, roles: ['reviewer'] }]);
    expect((await as('trader', 'GET', '/admin/claims')).status).toBe(200);

    const revoke = await as('superadmin', 'PUT', `/admin/roles/${trader.address}`, { roles: [] }, { 'x-correlation-id': 'trace-revoke' });
    expect(revoke.status).toBe(200);
    await expectForbidden(await as('trader', 'GET', '/admin/claims'));

    const audit = await as('reviewer', 'GET', `/admin/audit?action=admin.roles.set&actor=${superadmin.address}`);
    expect(audit.status).toBe(200);
    const { items } = (await audit.json()) as { items: Record<string, unknown>[] };
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: superadmin.address, actorRoles: ['superadmin'], action: 'admin.roles.set', target: `wallet:${trader.address}`, before: { roles: ['reviewer'] }, after: { roles: [] }, outcome: 'OK', traceId: 'trace-revoke' }),
      expect.objectContaining({ before: { roles: [] }, after: { roles: ['reviewer'] }, traceId: 'trace-grant', occurredAt: expect.any(String) }),
    ]);
  });

  it('refuses to demote the last superadmin', async () => {
    const response = await as('superadmin', 'PUT', `/admin/roles/${superadmin.address}`, { roles: ['finance'] });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/last superadmin/);
    expect((await as('superadmin', 'GET', '/admin/roles')).status).toBe(200);
  });

  it('does not re-grant from configuration a role a superadmin removed', async () => {
    expect((await as('superadmin', 'PUT', `/admin/roles/${finance.address}`, { roles: [] })).status).toBe(200);
    await gw.app.get(SeedAdminRolesHandler).onModuleInit();
    expect(await gw.sql(`SELECT role FROM admin_roles WHERE wallet = $1`, [finance.address])).toEqual([]);
  });

  it('keeps the audit trail append-only, even for the gateway’s own database role', async () => {
    const client = new Client({ connectionString: withCredentials(gw.db.url, 'liqpass_gateway', 'liqpass_gateway') });
    await client.connect();
    try {
      const before = await client.query('SELECT count(*)::int AS n FROM gateway.audit_log');
      await expect(client.query(`UPDATE gateway.audit_log SET outcome = 'FORGED'`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(client.query('DELETE FROM gateway.audit_log')).rejects.toThrow(/append-only: DELETE refused/);
      await expect(client.query('TRUNCATE gateway.audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
      expect((await client.query('SELECT count(*)::int AS n FROM gateway.audit_log')).rows).toEqual(before.rows);
    } finally {
      await client.end();
    }
  });
});
