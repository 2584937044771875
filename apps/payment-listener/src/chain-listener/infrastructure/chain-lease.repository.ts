import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from './sql-result';

/** The lease was taken over by another instance: this one must stop working at once. */
export class LeaseLostError extends Error {
  constructor(chainId: number, holder: string) {
    super(`chain ${chainId}: ${holder} no longer holds the listener lease`);
    this.name = 'LeaseLostError';
  }
}

/** What an instance holds: the lease's epoch grows by one each time it changes hands. */
export interface HeldLease {
  readonly chainId: number;
  readonly holder: string;
  readonly epoch: number;
}

/**
 * One active listener per chain (CHAIN.md step 10): a lease row with a TTL in Postgres. Times are
 * the database's `now()`, so instances never compare clocks. A standby may take the lease only
 * once it lapsed; taking it bumps the epoch. The holder renews it on a timer and inside every
 * transaction that moves the cursor (`fence`), which checks holder and epoch — so a holder that
 * stalled until someone else took over can never commit again, while one that merely ran late
 * with nobody waiting keeps going.
 */
@Injectable()
export class ChainLeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the lease if it is free, lapsed or already ours; returns it, or null while another holds it. */
  async tryAcquire(chainId: number, holder: string, ttlMs: number): Promise<HeldLease | null> {
    const rows: { epoch: string }[] = await this.dataSource.query(
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
    return rows[0] ? { chainId, holder, epoch: Number(rows[0].epoch) } : null;
  }

  /** Extends our lease; false if someone else took it meanwhile. */
  async renew(lease: HeldLease, ttlMs: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE chain_leases SET renewed_at = now(), expires_at = now() + $4 * interval '1 millisecond'
          WHERE chain_id = $1 AND holder = $2 AND epoch = $3
         RETURNING epoch`,
        [lease.chainId, lease.holder, lease.epoch, ttlMs],
      ),
    );
    return rows.length === 1;
  }

  /**
   * Inside the transaction that changes the chain state: renews the lease and keeps its row
   * locked until commit, so a standby cannot take it over in between. Throws if it is not ours.
   */
  async fence(manager: EntityManager, lease: HeldLease, ttlMs: number): Promise<void> {
    if (!(await this.renew(lease, ttlMs, manager))) throw new LeaseLostError(lease.chainId, lease.holder);
  }

  /** Lets a standby take over at once (graceful shutdown). */
  async release(lease: HeldLease): Promise<void> {
    await this.dataSource.query(`UPDATE chain_leases SET expires_at = now() WHERE chain_id = $1 AND holder = $2 AND epoch = $3`, [
      lease.chainId,
      lease.holder,
      lease.epoch,
    ]);
  }
}
