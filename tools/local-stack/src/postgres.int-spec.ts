import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL } from '@liqpass/testing';
import { provisionLocalDatabase, startOrReusePostgres, type PostgresHandle } from './postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('local stack Postgres', () => {
  let handle: PostgresHandle | undefined;
  let stateDir: string | undefined;

  afterAll(async () => {
    await handle?.stop();
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  it('reuses a server that answers', async () => {
    const reused = await startOrReusePostgres('/nonexistent', TEST_PG_ADMIN_URL);
    expect(reused.startedHere).toBe(false);
    expect(reused.adminUrl).toBe(TEST_PG_ADMIN_URL);
  });

  it('starts embedded Postgres when nothing answers, and provisions every service schema in it', async () => {
    const port = await freePort();
    stateDir = await mkdtemp(join(tmpdir(), 'liqpass-pg-'));
    handle = await startOrReusePostgres(stateDir, `postgres://postgres@127.0.0.1:${port}/postgres`);
    expect(handle.startedHere).toBe(true);
    await provisionLocalDatabase(handle.adminUrl);
    const url = new URL(handle.adminUrl);
    url.pathname = '/liqpass';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query(
      "SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname IN ('gateway','policy','okx','payments','claims','payout') ORDER BY nspname",
    );
    await client.end();
    expect(rows).toEqual([
      { nspname: 'claims', owner: 'liqpass_claims' },
      { nspname: 'gateway', owner: 'liqpass_gateway' },
      { nspname: 'okx', owner: 'liqpass_okx' },
      { nspname: 'payments', owner: 'liqpass_payments' },
      { nspname: 'payout', owner: 'liqpass_payout' },
      { nspname: 'policy', owner: 'liqpass_policy' },
    ]);
  }, 120_000);
});
