import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@liqpass/testing';
import { preparedQuery } from './prepared-query';
import { ensureServiceSchema, withCredentials } from './provision';
import { createServiceDataSource } from './service-data-source';

describe('preparedQuery (real Postgres)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('prepared_query');
    await ensureServiceSchema(db.url, { database: db.name, schema: 'policy', role: 'liqpass_policy', password: 'liqpass_policy' });
    dataSource = createServiceDataSource({ url: withCredentials(db.url, 'liqpass_policy', 'liqpass_policy'), schema: 'policy', entities: [], migrations: [], applicationName: 'prepared-query-test' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE ledger (id int PRIMARY KEY, note text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('answers as manager.query does, outside a transaction and inside one', async () => {
    const insert = 'INSERT INTO ledger (id, note) VALUES ($1, $2) RETURNING id, note';
    expect(await preparedQuery(dataSource.manager, insert, [1, 'a'])).toEqual(await dataSource.manager.query('SELECT 1 AS id, $1::text AS note', ['a']));
    const update = 'UPDATE ledger SET note = $2 WHERE id = $1 RETURNING note';
    expect(await preparedQuery(dataSource.manager, update, [1, 'b'])).toEqual(await dataSource.manager.query(update, [1, 'b']));
    expect(await preparedQuery(dataSource.manager, update, [1, 'b'])).toEqual([[{ note: 'b' }], 1]);
    await dataSource.transaction(async (manager) => {
      expect(await preparedQuery(manager, update, [1, 'c'])).toEqual([[{ note: 'c' }], 1]);
    });
    expect(await preparedQuery(dataSource.manager, 'SELECT note FROM ledger WHERE id = $1', [1])).toEqual([{ note: 'c' }]);
  });

  it('runs on the transaction’s own connection inside one: its write rolls back with it', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await preparedQuery(manager, 'INSERT INTO ledger (id, note) VALUES ($1, $2) RETURNING id', [2, 'rolled back']);
        expect(await preparedQuery(manager, 'SELECT count(*)::int AS n FROM ledger WHERE id = $1', [2])).toEqual([{ n: 1 }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await preparedQuery(dataSource.manager, 'SELECT count(*)::int AS n FROM ledger WHERE id = $1', [2])).toEqual([{ n: 0 }]);
  });

  it('fails with Postgres’s code and constraint, outside a transaction as inside one', async () => {
    const duplicate = preparedQuery(dataSource.manager, 'INSERT INTO ledger (id, note) VALUES ($1, $2) RETURNING id', [1, 'again']);
    await expect(duplicate).rejects.toMatchObject({ code: '23505', constraint: 'ledger_pkey' });
    await expect(dataSource.transaction((manager) => preparedQuery(manager, 'INSERT INTO ledger (id, note) VALUES ($1, $2) RETURNING id', [1, 'again']))).rejects.toMatchObject({ code: '23505' });
  });
});
