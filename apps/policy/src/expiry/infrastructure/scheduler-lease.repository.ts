import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A named lease with a TTL in Postgres, timed by the database's clock (replicas never compare
 * clocks). The holder renews it on each tick and inside each transaction it commits (`fence`),
 * so a holder that stalled past its TTL and lost the lease cannot write afterwards.
 */
@Injectable()
export class SchedulerLeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lease if free, lapsed or already ours; true when we hold it now. */
  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO scheduler_leases (name, holder, epoch, renewed_at, expires_at)
       VALUES ($1, $2, 1, now(), now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE
          SET holder = excluded.holder,
              epoch = CASE WHEN scheduler_leases.holder = excluded.holder THEN scheduler_leases.epoch ELSE scheduler_leases.epoch + 1 END,
              renewed_at = now(),
              expires_at = excluded.expires_at
        WHERE scheduler_leases.expires_at <= now() OR scheduler_leases.holder = excluded.holder
       RETURNING epoch`,
      [name, holder, ttlMs],
    );
    return rows.length === 1;
  }

  /** Inside a transaction: renews and keeps the lease row locked until commit; false if not ours. */
  async fence(manager: EntityManager, name: string, holder: string, ttlMs: number): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE scheduler_leases SET renewed_at = now(), expires_at = now() + $3 * interval '1 millisecond'
        WHERE name = $1 AND holder = $2 AND expires_at > now() RETURNING epoch`,
      [name, holder, ttlMs],
    );
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
    return Array.isArray(rows) && rows.length === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.dataSource.query(`UPDATE scheduler_leases SET expires_at = now() WHERE name = $1 AND holder = $2`, [name, holder]);
  }

  async holder(name: string): Promise<string | null> {
    const rows: { holder: string }[] = await this.dataSource.query(`SELECT holder FROM scheduler_leases WHERE name = $1 AND expires_at > now()`, [name]);
    return rows[0]?.holder ?? null;
  }
}
