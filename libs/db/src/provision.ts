import { Client } from 'pg';

export interface ProvisionTarget {
  readonly database: string;
  readonly schema: string;
  readonly role: string;
  readonly password: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(value: string): string {
  if (!IDENTIFIER.test(value)) throw new Error(`not a safe SQL identifier: ${value}`);
  return `"${value}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Creates the database if it is missing. Needs a superuser (or CREATEDB) connection. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${ident(database)}`);
      } catch (error) {
        // Two processes provisioning at once: the loser sees duplicate_database, which is fine.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Gives one service its own role and schema inside the shared database, idempotently:
 * the role owns its schema and has no rights in `public` or in another service's schema.
 * `adminUrl` must point at the target database with a superuser.
 *
 * Roles, database ACLs and `public`'s ACL are shared catalog rows, and concurrent updates of
 * one row fail ("tuple concurrently updated"). Advisory locks are per database, so the lock is
 * taken in the `postgres` maintenance database, which every provisioner shares.
 */
export async function ensureServiceSchema(adminUrl: string, target: ProvisionTarget): Promise<void> {
  const lock = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  const client = new Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(7426001)');
    await client.connect();
    const role = ident(target.role);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [target.role]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD ${literal(target.password)}`);
    }
    await client.query(`ALTER ROLE ${role} SET search_path = ${ident(target.schema)}`);
    await client.query(`GRANT CONNECT ON DATABASE ${ident(target.database)} TO ${role}`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(target.schema)} AUTHORIZATION ${role}`);
    await client.query(`ALTER SCHEMA ${ident(target.schema)} OWNER TO ${role}`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM ${role}`);
  } finally {
    await client.end().catch(() => undefined);
    await lock.query('SELECT pg_advisory_unlock(7426001)').catch(() => undefined);
    await lock.end();
  }
}

/** Replaces the database part of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Replaces the credentials of a postgres URL. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
