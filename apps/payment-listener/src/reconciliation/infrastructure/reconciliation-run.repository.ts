import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type ReconciliationTrigger = 'SCHEDULED' | 'ON_DEMAND';
export type ReconciliationStatus = 'RUNNING' | 'OK' | 'MISMATCH' | 'FAILED';

/** One run as stored and served to GET /admin/reconciliation (amounts as decimal strings). */
export interface ReconciliationRunView {
  readonly id: string;
  readonly chainId: number;
  readonly trigger: ReconciliationTrigger;
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly status: ReconciliationStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly report: Record<string, unknown> | null;
  readonly error: string | null;
}

interface RunRow {
  id: string;
  chain_id: number;
  trigger: ReconciliationTrigger;
  from_block: string;
  to_block: string;
  status: ReconciliationStatus;
  started_at: Date;
  finished_at: Date | null;
  report: Record<string, unknown> | null;
  error: string | null;
}

/** Every reconciliation run, kept: what was compared, over which blocks, and what differed. */
@Injectable()
export class ReconciliationRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async start(run: { id: string; chainId: number; trigger: ReconciliationTrigger; fromBlock: number; toBlock: number }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO reconciliation_runs (id, chain_id, trigger, from_block, to_block, status, started_at) VALUES ($1, $2, $3, $4, $5, 'RUNNING', now())`,
      [run.id, run.chainId, run.trigger, run.fromBlock, run.toBlock],
    );
  }

  async finish(manager: EntityManager, id: string, status: 'OK' | 'MISMATCH', report: Record<string, unknown>): Promise<void> {
    await manager.query(`UPDATE reconciliation_runs SET status = $2, report = $3, finished_at = now() WHERE id = $1`, [id, status, JSON.stringify(report)]);
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE reconciliation_runs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [id, error.slice(0, 2000)]);
  }

  /** The last block the latest successful scheduled run covered: where the next one starts. */
  async lastScheduledEnd(chainId: number): Promise<number | null> {
    const rows: { to_block: string }[] = await this.dataSource.query(
      `SELECT to_block FROM reconciliation_runs WHERE chain_id = $1 AND trigger = 'SCHEDULED' AND status IN ('OK', 'MISMATCH')
        ORDER BY started_at DESC LIMIT 1`,
      [chainId],
    );
    return rows[0] ? Number(rows[0].to_block) : null;
  }

  /** The latest scheduled run: when it started and whether it failed (or never finished). */
  async lastScheduled(chainId: number): Promise<{ startedAt: Date; failed: boolean } | null> {
    const rows: { started_at: Date; status: ReconciliationStatus }[] = await this.dataSource.query(
      `SELECT started_at, status FROM reconciliation_runs WHERE chain_id = $1 AND trigger = 'SCHEDULED' ORDER BY started_at DESC LIMIT 1`,
      [chainId],
    );
    const row = rows[0];
    return row ? { startedAt: row.started_at, failed: row.status === 'FAILED' || row.status === 'RUNNING' } : null;
  }

  /** Newest first. */
  async recent(chainId: number, limit: number): Promise<ReconciliationRunView[]> {
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT id, chain_id, trigger, from_block, to_block, status, started_at, finished_at, report, error
         FROM reconciliation_runs WHERE chain_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2`,
      [chainId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      chainId: row.chain_id,
      trigger: row.trigger,
      fromBlock: Number(row.from_block),
      toBlock: Number(row.to_block),
      status: row.status,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      report: row.report,
      error: row.error,
    }));
  }
}
