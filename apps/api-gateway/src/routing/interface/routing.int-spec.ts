import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcError } from '@liqpass/service-kit';
import { PROXY_ROUTES } from '../domain/routing-table';
import { sampleUrl, SAMPLE_UUID, VALID_BODIES } from '../../testing/route-requests';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { StandInServices } from '../../testing/stand-in-services';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

const INTERNAL_KEY = 'local-dev-internal-key-change-me';

/**
 * HTTP → NATS request/reply through the real gateway: every route of the routing table reaches
 * its service with the caller's wallet and the correlation id, and what services answer —
 * data, reason codes, failures, silence — comes back as the API promises.
 */
describe('routing to the owning service', () => {
  let gw: TestGateway;
  let services: StandInServices;
  const traderA = anvilWallet(6);
  const traderB = anvilWallet(7);
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // Every call here must reach its service: the read cache has its own tests (read-cache.int-spec).
    gw = await startTestGateway('gateway_routing', { READ_CACHE_TTL_MS: '0' });
    services = new StandInServices(gw.nc, gw.prefix);
    await gw.nc.flush();
    // account 0 (superadmin) also takes reviewer and finance, so one token reaches every admin route.
    tokens.admin = await signIn(gw.base, anvilWallet(0));
    const grant = await fetch(`${gw.base}/admin/roles/${anvilWallet(0).address}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['reviewer', 'finance', 'superadmin'] }),
    });
    expect(grant.status).toBe(200);
    tokens.a = await signIn(gw.base, traderA);
    tokens.b = await signIn(gw.base, traderB);
  });
  afterAll(async () => {
    await services?.close();
    await gw?.close();
  });

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${gw.base}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const credentials = (kind: string): Record<string, string> =>
    kind === 'internal' ? { 'x-internal-key': INTERNAL_KEY } : { authorization: `Bearer ${kind === 'admin' ? tokens.admin : tokens.a}` };

  it('sends every route of the table to its service and method, with the caller and the validated input', async () => {
    for (const route of PROXY_ROUTES) {
      services.calls.length = 0;
      const response = await call(route.method, sampleUrl(route), credentials(route.access.kind), VALID_BODIES[route.id]);
      expect(response.status, route.id).toBe(route.successStatus);
      const expectedService = route.target.service === 'query:service' ? 'policy' : route.target.service;
      expect(await response.json(), route.id).toEqual({ served: route.target.method, by: expectedService });
      expect(services.calls.map((c) => `${c.service}/${c.method}`), route.id).toEqual([`${expectedService}/${route.target.method}`]);
      const { request } = services.calls[0];
      if (route.access.kind === 'internal') expect(request.caller).toEqual({ kind: 'internal' });
      else if (route.access.kind === 'admin') expect(request.caller).toEqual({ kind: 'wallet', wallet: anvilWallet(0).address, roles: ['reviewer', 'finance', 'superadmin'] });
      else expect(request.caller).toEqual({ kind: 'wallet', wallet: traderA.address });
      expect(request.body, route.id).toEqual(VALID_BODIES[route.id] ?? null);
      if (route.path.includes(':id')) expect(request.params).toEqual({ id: SAMPLE_UUID });
    }
    // A list in the query string arrives as the validated list.
    services.calls.length = 0;
    await call('GET', `/admin/payouts/export?ids=${SAMPLE_UUID}`, credentials('admin'));
    expect(services.calls[0]?.request.query).toEqual({ ids: [SAMPLE_UUID] });
  });

  it('passes the correlation id to the service and names it in the answer', async () => {
    services.calls.length = 0;
    const response = await call('GET', '/claims', { ...credentials('wallet'), 'x-correlation-id': 'trace-routing-42' });
    expect(response.headers.get('x-correlation-id')).toBe('trace-routing-42');
    expect(services.calls[0].correlationId).toBe('trace-routing-42');
  });

  it('lets services refuse other traders’ resources: the wallet arrives, the refusal comes back as the error body', async () => {
    const owner = new Map([[SAMPLE_UUID, traderA.address]]);
    services.handle('policy', 'purchaseOrders.get', async ({ caller, params }) => {
      const id = (params as { id: string }).id;
      if (owner.get(id) !== caller.wallet) throw new RpcError('PURCHASE_ORDER_NOT_FOUND', 'no such purchase order', 404);
      return { id, owner: caller.wallet };
    });
    services.handle('claims-verifier', 'claims.get', async ({ caller }) => {
      if (caller.wallet !== traderA.address) throw new RpcError('FORBIDDEN', 'this claim belongs to another wallet', 403);
      return { id: SAMPLE_UUID };
    });
    const mine = await call('GET', `/purchase_orders/${SAMPLE_UUID}`, { authorization: `Bearer ${tokens.a}` });
    expect([mine.status, await mine.json()]).toEqual([200, { id: SAMPLE_UUID, owner: traderA.address }]);

    const theirs = await call('GET', `/purchase_orders/${SAMPLE_UUID}`, { authorization: `Bearer ${tokens.b}` });
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual({ error: 'PURCHASE_ORDER_NOT_FOUND', message: 'no such purchase order', traceId: theirs.headers.get('x-correlation-id') });
    const claim = await call('GET', `/claims/${SAMPLE_UUID}`, { authorization: `Bearer ${tokens.b}` });
    expect([claim.status, ((await claim.json()) as { error: string }).error]).toEqual([403, 'FORBIDDEN']);
  });

  it('hides a service’s internal failure behind 502, and answers 503/504 when it is gone or slow', async () => {
    services.handle('policy', 'quotes.create', async () => {
      throw new Error('connection refused at pg.ts:123');
    });
    const failed = await call('POST', '/quote', credentials('wallet'), VALID_BODIES['quotes.create']);
    const failedBody = await failed.text();
    expect(failed.status).toBe(502);
    expect(JSON.parse(failedBody)).toMatchObject({ error: 'UPSTREAM_ERROR', message: 'the policy service failed to handle the request' });
    expect(failedBody).not.toMatch(/pg\.ts|refused/);

    services.handle('payout', 'admin.payouts.list', () => new Promise((resolve) => setTimeout(() => resolve([]), 2500)));
    const slow = await call('GET', '/admin/payouts', credentials('admin'));
    expect([slow.status, ((await slow.json()) as { error: string }).error]).toEqual([504, 'SERVICE_TIMEOUT']);
  });

  it('answers 503 with the error body for a method no service implements yet', async () => {
    await services.close();
    const response = await call('GET', '/okx/positions', credentials('wallet'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'SERVICE_UNAVAILABLE',
      message: 'the okx-binding service is not available',
      traceId: response.headers.get('x-correlation-id'),
    });
    services = new StandInServices(gw.nc, gw.prefix);
    await gw.nc.flush();
  });

  it('needs the right x-internal-key on /internal routes', async () => {
    const body = VALID_BODIES['internal.claims.onchainTrigger'];
    const attempts: Record<string, string>[] = [{}, { 'x-internal-key': 'wrong-key-wrong-key-wrong' }, { 'x-internal-key': `${INTERNAL_KEY}x` }, { authorization: `Bearer ${tokens.admin}` }];
    for (const headers of attempts) {
      const response = await call('POST', '/internal/claims/onchain-trigger', headers, body);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe('UNAUTHORIZED');
    }
    expect((await call('POST', '/internal/claims/onchain-trigger', credentials('internal'), body)).status).toBe(201);
  });

  it('audits admin actions with their outcome, refusals by the service included', async () => {
    services.handle('claims-verifier', 'admin.claims.reject', async () => {
      throw new RpcError('INVALID_STATUS_TRANSITION', 'the claim is already PAID', 409);
    });
    const approve = await call('POST', `/admin/claims/${SAMPLE_UUID}/approve`, { ...credentials('admin'), 'x-correlation-id': 'trace-approve' }, {});
    expect(approve.status).toBe(200);
    const reject = await call('POST', `/admin/claims/${SAMPLE_UUID}/reject`, { ...credentials('admin'), 'x-correlation-id': 'trace-reject' }, { reason: 'late' });
    expect([reject.status, ((await reject.json()) as { message: string }).message]).toEqual([409, 'the claim is already PAID']);
    const rows = await gw.sql<{ actor: string; action: string; target: string; outcome: string; trace_id: string; after: { request: unknown } }>(
      `SELECT actor, action, target, outcome, trace_id, after FROM audit_log WHERE trace_id IN ('trace-approve', 'trace-reject') ORDER BY id`,
    );
    expect(rows.map((r) => [r.actor, r.action, r.target, r.outcome, r.trace_id])).toEqual([
      [anvilWallet(0).address, 'admin.claims.approve', `claim:${SAMPLE_UUID}`, 'OK', 'trace-approve'],
      [anvilWallet(0).address, 'admin.claims.reject', `claim:${SAMPLE_UUID}`, 'INVALID_STATUS_TRANSITION', 'trace-reject'],
    ]);
    expect(rows[1].after.request).toEqual({ reason: 'late' });
  });
});
