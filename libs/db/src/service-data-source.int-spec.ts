import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@liqpass/testing';
import { ensureServiceSchema, withCredentials } from './provision';
import { createServiceDataSource, openAndMigrate } from './service-data-source';

class SlowCreateLedger1700000000001 implements MigrationInterface {
  name = 'SlowCreateLedger1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    // Slow enough that unsynchronised replicas would overlap and one would fail on CREATE TABLE.
    await runner.query('SELECT pg_sleep(0.3)');
    await runner.query('CREATE TABLE ledger (id int PRIMARY KEY)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger');
  }
}

describe('openAndMigrate', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrate_lock');
    await ensureServiceSchema(db.url, { database: db.name, schema: 'policy', role: 'liqpass_policy', password: 'liqpass_policy' });
  });
  afterAll(async () => db?.drop());

  it('lets replicas that start together apply each migration exactly once', async () => {
    const replicas = [1, 2, 3].map((n) =>
      createServiceDataSource({
        url: withCredentials(db.url, 'liqpass_policy', 'liqpass_policy'),
        schema: 'policy',
        entities: [],
        migrations: [SlowCreateLedger1700000000001],
        applicationName: `replica-${n}`,
      }),
    );
    const applied = await Promise.all(replicas.map((ds) => openAndMigrate(ds)));
    expect(applied.flat()).toEqual(['SlowCreateLedger1700000000001']);
    const rows = await replicas[0]!.query('SELECT name FROM policy.migrations');
    expect(rows).toEqual([{ name: 'SlowCreateLedger1700000000001' }]);
    await Promise.all(replicas.map((ds) => ds.destroy()));
  });
});
