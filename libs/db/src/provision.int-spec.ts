import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@liqpass/testing';
import { ensureServiceSchema } from './provision';

describe('ensureServiceSchema', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => Promise.all(databases.map((db) => db.drop())));

  it('provisions the same role in several databases at once without colliding', async () => {
    for (let i = 0; i < 4; i += 1) databases.push(await createTestDatabase(`provision_${i}`));
    await Promise.all(
      databases.flatMap((db) =>
        ['policy', 'payout'].map((schema) => ensureServiceSchema(db.url, { database: db.name, schema, role: `liqpass_${schema}`, password: `liqpass_${schema}` })),
      ),
    );
    for (const db of databases) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname IN ('policy','payout') ORDER BY nspname",
      );
      await client.end();
      expect(rows).toEqual([
        { nspname: 'payout', owner: 'liqpass_payout' },
        { nspname: 'policy', owner: 'liqpass_policy' },
      ]);
    }
  });
});
