import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { unixSocketUrl } from './local-socket';

/** Superuser URL of the machine's Postgres as configured (LIQPASS_PG_ADMIN_URL, else 127.0.0.1:5432 over TCP). */
export const TEST_PG_ADMIN_URL = process.env.LIQPASS_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

let resolvedAdminUrl: Promise<string> | undefined;

/**
 * The superuser URL test databases are created with and handed out under: LIQPASS_PG_ADMIN_URL
 * exactly as given; else the default over the server's Unix socket when it takes the login
 * there (what the services under test and benchmarks then connect over), else over TCP.
 */
export function testPgAdminUrl(): Promise<string> {
  resolvedAdminUrl ??= (async () => {
    const socketUrl = process.env.LIQPASS_PG_ADMIN_URL ? null : unixSocketUrl(TEST_PG_ADMIN_URL);
    if (socketUrl && (await acceptsLogin(socketUrl))) return socketUrl;
    return TEST_PG_ADMIN_URL;
  })();
  return resolvedAdminUrl;
}

async function acceptsLogin(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  readonly name: string;
  /** Superuser URL pointing at the test database. */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file. The name always contains "test" and the database is
 * dropped afterwards, so a test can never touch a developer's or the local stack's data.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `liqpass_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test')) throw new Error('refusing to use a database whose name lacks "test"');
  const adminUrl = await testPgAdminUrl();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A short random token for isolating NATS subjects, streams and consumers per test. */
export function uniqueToken(prefix = 't'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

/**
 * Polls until the probe returns a truthy value or the timeout passes. Mind that an empty array
 * is truthy: a probe waiting for items must return null until there are some.
 */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
