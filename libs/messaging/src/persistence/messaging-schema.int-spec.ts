import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMessagingTestEnv, type MessagingTestEnv } from '../testing/messaging-test-env';
import { MESSAGING_MIGRATIONS } from './messaging-migrations';

describe('messaging tables (real Postgres)', () => {
  let env: MessagingTestEnv;

  beforeAll(async () => {
    env = await openMessagingTestEnv('schema');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('creates the tables in the service schema, owned by the service role', async () => {
    const tables = (await env.dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('outbox', 'inbox', 'dead_letters') ORDER BY table_name`,
    )) as { table_schema: string; table_name: string }[];
    expect(tables).toEqual([
      { table_schema: env.schema, table_name: 'dead_letters' },
      { table_schema: env.schema, table_name: 'inbox' },
      { table_schema: env.schema, table_name: 'outbox' },
    ]);
  });

  it('matches the ORM entities exactly (no drift for migration:generate to find)', async () => {
    const pending = await env.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('refuses states and counts the code never writes', async () => {
    const insert = (state: string, publishedAt: string | null, attempts = 0) =>
      env.dataSource.query(
        `INSERT INTO outbox (id, type, version, subject, msg_id, envelope, correlation_id, state, attempts, published_at)
         VALUES (gen_random_uuid(), 'PolicyCreated', 1, 's', 'm', '{}', 'c', $1, $2, $3)`,
        [state, attempts, publishedAt],
      );
    await expect(insert('SENT', null)).rejects.toThrow(/outbox_state_check/);
    await expect(insert('PUBLISHED', null)).rejects.toThrow(/outbox_published_at_check/);
    await expect(insert('PENDING', new Date().toISOString())).rejects.toThrow(/outbox_published_at_check/);
    await expect(insert('PENDING', null, -1)).rejects.toThrow(/outbox_attempts_check/);
    await insert('PENDING', null);
    await expect(
      env.dataSource.query(
        `INSERT INTO dead_letters (id, consumer, stream, stream_sequence, subject, delivery_count, reason, detail, raw_data)
         VALUES (gen_random_uuid(), 'c', 's', 1, 'x', 1, 'BORED', 'd', 'r')`,
      ),
    ).rejects.toThrow(/dead_letters_reason_check/);
  });

  it('rolls back cleanly, every migration in turn', async () => {
    const runner = env.dataSource.createQueryRunner();
    try {
      for (let i = 0; i < MESSAGING_MIGRATIONS.length; i++) await env.dataSource.undoLastMigration();
      const left = await runner.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('outbox', 'inbox', 'dead_letters')`, [env.schema]);
      expect(left).toEqual([{ n: 0 }]);
      await env.dataSource.runMigrations();
    } finally {
      await runner.release();
    }
  });
});
