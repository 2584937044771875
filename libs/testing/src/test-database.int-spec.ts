import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { unixSocketUrl } from './local-socket';
import { createTestDatabase, TEST_PG_ADMIN_URL, testPgAdminUrl } from './test-database';

describe('test databases (real Postgres)', () => {
  it("hand out a URL over the server's Unix socket when it has one and LIQPASS_PG_ADMIN_URL does not say otherwise", async () => {
    const overSocket = !process.env.LIQPASS_PG_ADMIN_URL && unixSocketUrl(TEST_PG_ADMIN_URL) !== null;
    expect(await testPgAdminUrl()).toBe(overSocket ? unixSocketUrl(TEST_PG_ADMIN_URL) : TEST_PG_ADMIN_URL);
    const db = await createTestDatabase('socket_choice');
    try {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      // inet_server_addr() is NULL exactly for a Unix-socket connection.
      const { rows } = await client.query('SELECT current_database() AS name, inet_server_addr() IS NULL AS unix');
      await client.end();
      expect(rows[0]).toEqual({ name: db.name, unix: overSocket });
    } finally {
      await db.drop();
    }
    const check = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await check.connect();
    const { rowCount } = await check.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name]);
    await check.end();
    expect(rowCount).toBe(0);
  });
});
