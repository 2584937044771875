import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGatewayErrorCode } from '../domain/error-codes';
import { GATEWAY_ROUTES } from '../../routes';
import { rawRequest } from '../../testing/raw-http';
import { anvilWallet, signIn } from '../../testing/siwe-signer';
import { StandInServices } from '../../testing/stand-in-services';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';
import { malformedCasesFor, type MalformedCase } from './malformed-requests';

/**
 * The fuzz table: hundreds of malformed requests across every route, sent with credentials
 * good enough to reach validation. Each must be refused with a 4xx and the one error body; none
 * may reach a service or change a row of the gateway's schema.
 */
describe('malformed requests never get past the edge', () => {
  let gw: TestGateway;
  let services: StandInServices;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    gw = await startTestGateway('gateway_fuzz', { RATE_LIMIT_IP_PER_MINUTE: '100000', RATE_LIMIT_WALLET_PER_MINUTE: '100000' });
    services = new StandInServices(gw.nc, gw.prefix);
    await gw.nc.flush();
    const admin = await signIn(gw.base, anvilWallet(0));
    await fetch(`${gw.base}/admin/roles/${anvilWallet(0).address}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['reviewer', 'finance', 'superadmin'] }),
    });
    headers.admin = { authorization: `Bearer ${admin}` };
    headers.wallet = { authorization: `Bearer ${await signIn(gw.base, anvilWallet(9))}` };
    headers.internal = { 'x-internal-key': 'local-dev-internal-key-change-me' };
    headers.public = {};
  });
  afterAll(async () => {
    await services?.close();
    await gw?.close();
  });

  /** A fingerprint of every row of every table in the gateway schema. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await gw.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'gateway' ORDER BY 1`);
    const result: Record<string, string> = {};
    for (const { table_name } of tables) {
      const [row] = await gw.sql<{ n: string; digest: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM gateway."${table_name}" t`,
      );
      result[table_name] = `${row.n}:${row.digest}`;
    }
    return result;
  }

  it('refuses every one of at least 200 malformed requests with a 4xx error body', async () => {
    const cases: (MalformedCase & { access: string })[] = GATEWAY_ROUTES.flatMap((route) =>
      malformedCasesFor(route).map((c) => ({ ...c, access: route.access.kind })),
    );
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => `${c.method} ${c.path.split('?')[0].split('/')[1]}`)).size).toBeGreaterThan(10);
    const before = await snapshot();
    expect(Object.keys(before).sort()).toEqual(['admin_roles', 'audit_log', 'migrations', 'siwe_nonces', 'users']);
    services.calls.length = 0;

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const c of cases) {
      const requestHeaders = { ...headers[c.access], ...(c.contentType ? { 'content-type': c.contentType } : {}) };
      const response = await rawRequest(gw.base, c.method, c.path, requestHeaders, c.body);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(response.text) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      const wellFormed =
        body !== undefined &&
        Object.keys(body).sort().join() === 'error,message,traceId' &&
        isGatewayErrorCode(body.error) &&
        typeof body.message === 'string' &&
        body.traceId === response.headers['x-correlation-id'];
      if (response.status < 400 || response.status > 499 || !wellFormed || /at .+\.(ts|js):\d+/.test(response.text)) {
        failures.push(`${c.method} ${c.path.slice(0, 80)} [${c.name}] → ${response.status} ${response.text.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(services.calls.map((call) => `${call.service}/${call.method}`)).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // The table exercises validation, body shape and size checks, not only one of them.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 413, 415]));
  });
});
