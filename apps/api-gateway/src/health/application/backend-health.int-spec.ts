import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_SERVICES } from '@liqpass/config';
import { RpcServer, type HealthReport } from '@liqpass/service-kit';
import { startTestGateway, type TestGateway } from '../../testing/test-gateway';

/**
 * The real gateway app on real Postgres and NATS. The backend services are stood in for by
 * real NATS responders on the real health subjects, so one can be made to fail or vanish.
 */
describe('gateway /health aggregates every backend service', () => {
  let gw: TestGateway;
  const servers = new Map<string, RpcServer>();
  const silent = { error: () => undefined } as never;

  const serve = (service: string, report: HealthReport) => {
    // The gateway's own subject prefix: a local stack running beside the tests must not answer.
    const server = new RpcServer(gw.nc, service, silent, gw.prefix);
    server.handle('health', async () => report);
    servers.set(service, server);
  };

  beforeAll(async () => {
    gw = await startTestGateway('gateway_health');
  });

  afterAll(async () => {
    for (const server of servers.values()) await server.close();
    await gw?.close();
  });

  it('is 200 only when every service is healthy', async () => {
    for (const service of BACKEND_SERVICES) serve(service.name, { service: service.name, status: 'ok', checks: { database: { status: 'ok' } } });
    await gw.nc.flush();
    const response = await fetch(`${gw.base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'nats', ...BACKEND_SERVICES.map((s) => s.name)].sort());
  });

  it('is 503 and names the service and the failing dependency when one is unhealthy', async () => {
    await servers.get('payout')!.close();
    serve('payout', { service: 'payout', status: 'down', checks: { database: { status: 'ok' }, nats: { status: 'down', detail: 'no round trip' } } });
    await gw.nc.flush();
    const response = await fetch(`${gw.base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(503);
    expect(body.checks.payout).toEqual({ status: 'down', detail: 'nats: no round trip' });
    expect(body.checks.policy).toEqual({ status: 'ok' });
  });

  it('is 503 and names a service that does not answer at all', async () => {
    await servers.get('claims-verifier')!.close();
    await gw.nc.flush();
    const response = await fetch(`${gw.base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(503);
    expect(body.checks['claims-verifier']).toEqual({ status: 'down', detail: `no service is answering ${gw.prefix}.rpc.claims-verifier.health` });
  });
});
