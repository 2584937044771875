import { createHash } from 'node:crypto';
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
 * TypeORM hands the query object to node-postgres as it is; results are as `manager.query`'s.
 */
export function preparedQuery<T = unknown>(manager: EntityManager, sql: string, params: readonly unknown[]): Promise<T> {
  return manager.query({ name: nameOf(sql), text: sql } as unknown as string, [...params]) as Promise<T>;
}
