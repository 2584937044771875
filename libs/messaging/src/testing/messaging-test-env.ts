import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, ensureServiceSchema, openAndMigrate, withCredentials } from '@liqpass/db';
import { createLogger, Registry, type Logger } from '@liqpass/observability';
import { createTestDatabase, TEST_NATS_URL, TEST_PG_ADMIN_URL, uniqueToken } from '@liqpass/testing';
import { connectNats, type NatsConnection } from '../connection/nats-connection';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { MESSAGING_MIGRATIONS } from '../persistence/messaging-migrations';
import { MESSAGING_ENTITIES } from '../persistence/messaging-entities';

/**
 * One isolated world per test: a fresh database with a service schema owned by its own role
 * (search_path pinned, as in production), the messaging migration applied, and a NATS subject
 * prefix of its own. `close()` removes the streams, the database and the role.
 */
export interface MessagingTestEnv {
  readonly prefix: string;
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly metrics: MessagingMetrics;
  /** Opens another DataSource on the same schema (a second replica). */
  openReplicaDataSource(): Promise<DataSource>;
  close(): Promise<void>;
}

export async function openMessagingTestEnv(label: string, schema = 'policy'): Promise<MessagingTestEnv> {
  const db = await createTestDatabase(`messaging_${label}`);
  const prefix = uniqueToken('t');
  const role = `lp_${prefix}`;
  await ensureServiceSchema(db.url, { database: db.name, schema, role, password: role });
  const url = withCredentials(db.url, role, role);
  const open = async () => {
    const ds = createServiceDataSource({
      url,
      schema,
      entities: MESSAGING_ENTITIES,
      migrations: MESSAGING_MIGRATIONS,
      applicationName: `test-${label}`,
      poolSize: 12,
    });
    await openAndMigrate(ds);
    return ds;
  };
  const dataSource = await open();
  const replicas: DataSource[] = [];
  const nc = await connectNats(TEST_NATS_URL, `test-${label}`);
  const jsm = await jetstreamManager(nc);
  const registry = new Registry();
  return {
    prefix,
    schema,
    dataSource,
    nc,
    js: jetstream(nc),
    jsm,
    logger: createLogger(`test-${label}`, process.env.TEST_LOG_LEVEL ?? 'silent'),
    registry,
    metrics: new MessagingMetrics(registry),
    async openReplicaDataSource() {
      const replica = await open();
      replicas.push(replica);
      return replica;
    },
    async close() {
      for (const ds of [dataSource, ...replicas]) if (ds.isInitialized) await ds.destroy();
      const mine: string[] = [];
      for await (const name of jsm.streams.names()) if (name.startsWith(`${prefix.toUpperCase()}_`)) mine.push(name);
      for (const name of mine) await jsm.streams.delete(name);
      await nc.drain();
      await db.drop();
      const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS "${role}"`);
      await admin.end();
    },
  };
}

/** Messages currently stored in a stream. */
export async function streamMessageCount(env: MessagingTestEnv, stream: string): Promise<number> {
  return (await env.jsm.streams.info(stream)).state.messages;
}
