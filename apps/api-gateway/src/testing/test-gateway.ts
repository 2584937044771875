import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { connectNats, type NatsConnection } from '@liqpass/messaging';
import { createServiceApp } from '@liqpass/service-kit';
import { createTestDatabase, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { ApiGatewayAppModule } from '../app.module';

export interface TestGateway {
  readonly app: NestFastifyApplication;
  readonly base: string;
  readonly db: TestDatabase;
  /** A NATS connection for stand-in services, on the gateway's own subject prefix. */
  readonly nc: NatsConnection;
  readonly prefix: string;
  /** Runs SQL in the test database as superuser (search_path: gateway). */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real gateway (every module, migrations, hooks) on a fresh database and its own NATS
 * subject prefix, listening on a free port: what integration tests talk to over real HTTP.
 */
export async function startTestGateway(label: string, env: Record<string, string> = {}): Promise<TestGateway> {
  const db = await createTestDatabase(label);
  await provisionGatewaySchema(db);
  const prefix = uniqueToken();
  const nc = await connectNats(TEST_NATS_URL, `${label}-stand-ins`);
  const { app } = await createServiceApp(
    'api-gateway',
    SERVICE_CONFIG_SCHEMAS['api-gateway'],
    ({ config, logger }) => ApiGatewayAppModule.register(config, logger),
    {
      DATABASE_URL: withCredentials(db.url, 'liqpass_gateway', 'liqpass_gateway'),
      NATS_URL: TEST_NATS_URL,
      LOG_LEVEL: 'silent',
      NATS_SUBJECT_PREFIX: prefix,
      SERVICE_REQUEST_TIMEOUT_MS: '1500',
      ...env,
    },
  );
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = new Client({ connectionString: db.url, options: '-c search_path=gateway' });
  await client.connect();
  return {
    app,
    base,
    db,
    nc,
    prefix,
    async sql<T>(text: string, values: unknown[] = []) {
      return (await client.query(text, values)).rows as T[];
    },
    async close() {
      await client.end();
      await nc.close();
      await app.close();
      await db.drop();
    },
  };
}

async function provisionGatewaySchema(db: TestDatabase): Promise<void> {
  await ensureServiceSchema(db.url, { database: db.name, schema: 'gateway', role: 'liqpass_gateway', password: 'liqpass_gateway' });
}
