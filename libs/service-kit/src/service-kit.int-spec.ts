import { Writable } from 'node:stream';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { connectNats, NATS_CONNECTION, type NatsConnection } from '@liqpass/messaging';
import { currentCorrelationId, withCorrelationId } from '@liqpass/observability';
import { createTestDatabase, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { createServiceApp } from './bootstrap/run-service';
import { RpcClient } from './rpc/rpc-client';
import { RpcServer } from './rpc/rpc-server';
import { ServiceKitModule } from './service-kit.module';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

@Controller()
class EchoController {
  @Get('echo-correlation')
  echo() {
    return { correlationId: currentCorrelationId() };
  }
}

/** Boots a service through the kit exactly as main.ts does, against real Postgres and NATS. */
describe('service kit against real Postgres and NATS', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let base: string;
  const prefix = uniqueToken();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });

  beforeAll(async () => {
    db = await createTestDatabase('service_kit');
    await ensureServiceSchema(db.url, { database: db.name, schema: 'policy', role: 'liqpass_policy', password: 'liqpass_policy' });
    // A neighbour's schema the policy role must not be able to read.
    await ensureServiceSchema(db.url, { database: db.name, schema: 'payout', role: 'liqpass_payout', password: 'liqpass_payout' });
    const env = { DATABASE_URL: withCredentials(db.url, 'liqpass_policy', 'liqpass_policy'), NATS_URL: TEST_NATS_URL, LOG_LEVEL: 'info', NATS_SUBJECT_PREFIX: prefix };
    ({ app } = await createServiceApp(
      'policy',
      SERVICE_CONFIG_SCHEMAS.policy,
      ({ config, logger }): DynamicModule => {
        @Module({ controllers: [EchoController] })
        class TestAppModule {}
        return {
          module: TestAppModule,
          imports: [ServiceKitModule.forRoot({ service: 'policy', config, logger, entities: [], migrations: [CreateWidgets1700000000000] })],
        };
      },
      env,
      sink,
    ));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('runs its migrations inside its own schema, never in public', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query(
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('widgets', 'migrations') ORDER BY table_name",
    );
    await admin.end();
    expect(rows).toEqual([
      { table_schema: 'policy', table_name: 'migrations' },
      { table_schema: 'policy', table_name: 'widgets' },
    ]);
  });

  it("cannot read another service's schema", async () => {
    const own = new Client({ connectionString: withCredentials(db.url, 'liqpass_policy', 'liqpass_policy') });
    await own.connect();
    await expect(own.query('SELECT * FROM payout.anything')).rejects.toThrow(/permission denied for schema payout/);
    await own.end();
  });

  it('answers /health with database and NATS ok', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      service: 'policy',
      status: 'ok',
      checks: { database: { status: 'ok' }, nats: { status: 'ok' } },
    });
  });

  it('answers health over NATS request/reply for the gateway', async () => {
    const nc = await connectNats(TEST_NATS_URL, 'test-caller');
    const reply = await new RpcClient(nc, 2000, prefix).call<{ status: string }>('policy', 'health');
    await nc.close();
    expect(reply).toMatchObject({ ok: true, data: { service: 'policy', status: 'ok' } });
  });

  it('exposes Prometheus metrics including HTTP latency', async () => {
    const response = await fetch(`${base}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const healthCount = text.split('\n').find((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes('route="/health"'));
    expect(healthCount).toMatch(/service="policy"/);
    expect(healthCount).toMatch(/ [1-9]\d*$/);
  });

  it('carries the caller correlation id into the handler, the response and the logs', async () => {
    const response = await fetch(`${base}/echo-correlation`, { headers: { 'x-correlation-id': 'corr-kit-1' } });
    expect(response.headers.get('x-correlation-id')).toBe('corr-kit-1');
    expect(await response.json()).toEqual({ correlationId: 'corr-kit-1' });
    expect(logs.some((line) => line.correlationId === 'corr-kit-1' && line.msg === 'http request')).toBe(true);
  });

  it('replaces an unacceptable correlation id with a fresh one', async () => {
    const response = await fetch(`${base}/echo-correlation`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    const { correlationId } = (await response.json()) as { correlationId: string };
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
  });

  it('reports NATS down (503) when its connection is gone', async () => {
    const nc = app.get<NatsConnection>(NATS_CONNECTION);
    await nc.close();
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'down', checks: { database: { status: 'ok' }, nats: { status: 'down' } } });
    // …while liveness stays green: a broker outage must not make the orchestrator restart us.
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
  });
});

describe('request/reply', () => {
  it('passes the correlation id through NATS headers and maps a missing service to unavailable', async () => {
    const nc = await connectNats(TEST_NATS_URL, 'rpc-test');
    const prefix = uniqueToken();
    const silent = { error: () => undefined } as never;
    const server = new RpcServer(nc, 'policy', silent, prefix);
    server.handle('whoami', async () => ({ seen: currentCorrelationId() }));
    const client = new RpcClient(nc, 1000, prefix);
    const reply = await withCorrelationId('corr-rpc-7', () => client.call<{ seen: string }>('policy', 'whoami'));
    expect(reply).toEqual({ ok: true, data: { seen: 'corr-rpc-7' } });
    await expect(client.call('payout', 'whoami')).rejects.toThrow(/no service is answering/);
    await server.close();
    await nc.close();
  });
});
