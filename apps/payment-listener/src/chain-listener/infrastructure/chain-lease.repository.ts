import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from './sql-result';

/** The lease was lost (expired and taken by another instance): this instance must stop working. */
export class LeaseLostError extends Error {
  constructor(chainId: number, holder: string) {
    super(`chain ${chainId}: ${holder} no longer holds the listener lease`);
    this.name = 'LeaseLostError';
  }
}

/**
 * One active listener per chain (CHAIN.md step 10): a lease row with a TTL in Postgres. Times
 * are the database's `now()`, so instances never compare clocks. The holder renews it on a timer
 * and inside every transaction that moves the cursor (`fence`), so a holder that stalled past its
 * TTL and lost the lease cannot commit anything afterwards.
 */
@Injectable()
export class ChainLeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lease if it is free, lapsed or already ours; returns whether we hold it now. */
  async tryAcquire(chainId: number, holder: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO chain_leases (chain_id, holder, epoch, acquired_at, renewed_at, expires_at)
       VALUES ($1, $2, 1, now(), now(), now() + $3 * interval '1 millisecond')
       ON CONFLICT (chain_id) DO UPDATE
          SET holder = excluded.holder,
              epoch = CASE WHEN chain_leases.holder = excluded.holder THEN chain_leases.epoch ELSE chain_leases.epoch + 1 END,
              acquired_at = CASE WHEN chain_leases.holder = excluded.holder THEN chain_leases.acquired_at ELSE now() END,
              renewed_at = now(),
              expires_at = excluded.expires_at
        WHERE chain_leases.expires_at <= now() OR chain_leases.holder = excluded.holder
       RETURNING epoch`,
      [chainId, holder, ttlMs],
    );
    return rows.length === 1;
  }

  /** Extends our lease; false if it lapsed or someone else holds it. */
  async renew(chainId: number, holder: string, ttlMs: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE chain_leases SET renewed_at = now(), expires_at = now() + $3 * interval '1 millisecond'
          WHERE chain_id = $1 AND holder = $2 AND expires_at > now()
         RETURNING epoch`,
        [chainId, holder, ttlMs],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Inside the transaction that changes the chain state: renews the lease and keeps its row
   * locked until commit, so a standby cannot take it over in between. Throws if it is not ours.
   */
  async fence(manager: EntityManager, chainId: number, holder: string, ttlMs: number): Promise<void> {
    if (!(await this.renew(chainId, holder, ttlMs, manager))) throw new LeaseLostError(chainId, holder);
  }

  /** Lets a standby take over at once (graceful shutdown). */
  async release(chainId: number, holder: string): Promise<void> {
    await this.dataSource.query(`UPDATE chain_leases SET expires_at = now() WHERE chain_id = $1 AND holder = $2`, [chainId, holder]);
  }

  async holderOf(chainId: number): Promise<{ holder: string; epoch: number; expiresAt: Date } | null> {
    const rows: { holder: string; epoch: string; expires_at: Date; live: boolean }[] = await this.dataSource.query(
      `SELECT holder, epoch, expires_at, expires_at > now() AS live FROM chain_leases WHERE chain_id = $1`,
      [chainId],
    );
    const row = rows[0];
    return row && row.live ? { holder: row.holder, epoch: Number(row.epoch), expiresAt: row.expires_at } : null;
  }
}
