import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND_SERVICES, SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { connectNats, type NatsConnection } from '@liqpass/messaging';
import { createServiceApp, RpcServer, type HealthReport } from '@liqpass/service-kit';
import { createTestDatabase, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { ApiGatewayAppModule } from '../../app.module';

/**
 * The real gateway app on real Postgres and NATS. The backend services are stood in for by
 * real NATS responders on the real health subjects, so one can be made to fail or vanish.
 */
describe('gateway /health aggregates every backend service', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let base: string;
  const servers = new Map<string, RpcServer>();
  const silent = { error: () => undefined } as never;
  // Own subject prefix: a local stack running beside the tests must not answer for the stand-ins.
  const prefix = uniqueToken();

  const serve = (service: string, report: HealthReport) => {
    const server = new RpcServer(nc, service, silent, prefix);
    server.handle('health', async () => report);
    servers.set(service, server);
  };

  beforeAll(async () => {
    db = await createTestDatabase('gateway_health');
    await ensureServiceSchema(db.url, { database: db.name, schema: 'gateway', role: 'liqpass_gateway', password: 'liqpass_gateway' });
    nc = await connectNats(TEST_NATS_URL, 'backend-stand-ins');
    ({ app } = await createServiceApp(
      'api-gateway',
      SERVICE_CONFIG_SCHEMAS['api-gateway'],
      ({ config, logger }) => ApiGatewayAppModule.register(config, logger),
      { DATABASE_URL: withCredentials(db.url, 'liqpass_gateway', 'liqpass_gateway'), LOG_LEVEL: 'silent', NATS_SUBJECT_PREFIX: prefix },
    ));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    for (const server of servers.values()) await server.close();
    await nc?.close();
    await app?.close();
    await db?.drop();
  });

  it('is 200 only when every service is healthy', async () => {
    for (const service of BACKEND_SERVICES) serve(service.name, { service: service.name, status: 'ok', checks: { database: { status: 'ok' } } });
    await nc.flush();
    const response = await fetch(`${base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'nats', ...BACKEND_SERVICES.map((s) => s.name)].sort());
  });

  it('is 503 and names the service and the failing dependency when one is unhealthy', async () => {
    await servers.get('payout')!.close();
    serve('payout', { service: 'payout', status: 'down', checks: { database: { status: 'ok' }, nats: { status: 'down', detail: 'no round trip' } } });
    await nc.flush();
    const response = await fetch(`${base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(503);
    expect(body.checks.payout).toEqual({ status: 'down', detail: 'nats: no round trip' });
    expect(body.checks.policy).toEqual({ status: 'ok' });
  });

  it('is 503 and names a service that does not answer at all', async () => {
    await servers.get('claims-verifier')!.close();
    await nc.flush();
    const response = await fetch(`${base}/health`);
    const body = (await response.json()) as HealthReport;
    expect(response.status).toBe(503);
    expect(body.checks['claims-verifier']).toEqual({ status: 'down', detail: `no service is answering ${prefix}.rpc.claims-verifier.health` });
  });
});
