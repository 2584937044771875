import { createHash } from 'node:crypto';
import type { Pool, QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** The statement's name: a hash of its text, so one text always has one name (node-postgres requires it). */
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `lq_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs `sql` as a named prepared statement of the connection it lands on: Postgres parses,
 * analyses and plans it once per connection, not on every call — for a claim storm's hot
 * statements (CTEs over dozens of columns) that was a good part of Postgres's CPU. For
 * statements of a fixed text, or one of a few shapes (each shape is its own statement).
 *
 * Inside a transaction it runs on the transaction's connection, through TypeORM. Outside one it
 * goes straight to the DataSource's node-postgres pool: a single statement needs none of
 * TypeORM's per-call query runner, broadcaster and result wrapping, which cost about as much
 * JavaScript as node-postgres itself on the storm's path. Either way the result is
 * `manager.query`'s (the rows; `[rows, rowCount]` for a bare UPDATE or DELETE), and a failure
 * carries Postgres's `code` and `constraint`.
 */
export async function preparedQuery<T = unknown>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T> {
  const name = nameOf(sql);
  const pool = manager.queryRunner ? undefined : poolOf(manager);
  if (!pool) return manager.query({ name, text: sql } as unknown as string, [...params]) as Promise<T>;
  const result: QueryResult = await pool.query({ name, text: sql, values: [...params] });
  return (result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows) as T;
}

/** The DataSource's node-postgres pool (PostgresDriver's `master`; no read replicas are configured). */
function poolOf(manager: EntityManager): Pool | undefined {
  const driver = manager.connection?.driver as { master?: Pool } | undefined;
  return driver?.master && typeof driver.master.query === 'function' ? driver.master : undefined;
}
