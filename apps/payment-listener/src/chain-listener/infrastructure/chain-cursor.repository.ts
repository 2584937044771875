import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownBlock } from '../domain/reorg-walk-back';
import { returnedRows } from './sql-result';

export interface ChainCursor {
  readonly chainId: number;
  readonly startBlock: number;
  /** The last block fully processed; −1 before the first. */
  readonly lastBlock: number;
  /** Its hash; null only while nothing was processed from block 0. */
  readonly lastHash: string | null;
}

/** Someone else moved the cursor since we read it: our view of the chain state is stale. */
export class CursorMovedError extends Error {
  constructor(chainId: number, expected: number) {
    super(`chain ${chainId}: the cursor is no longer at block ${expected}`);
    this.name = 'CursorMovedError';
  }
}

interface CursorRow {
  chain_id: number;
  start_block: string;
  last_block: string;
  last_hash: string | null;
}

/**
 * The persisted cursor `(chain_id, last_block, last_hash)` and the recent block hashes the reorg
 * walk-back compares (CHAIN.md steps 1, 3 and 8).
 */
@Injectable()
export class ChainCursorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get(chainId: number, manager: EntityManager = this.dataSource.manager): Promise<ChainCursor | null> {
    const rows: CursorRow[] = await manager.query(`SELECT chain_id, start_block, last_block, last_hash FROM chain_cursors WHERE chain_id = $1`, [chainId]);
    const row = rows[0];
    return row ? { chainId: row.chain_id, startBlock: Number(row.start_block), lastBlock: Number(row.last_block), lastHash: row.last_hash } : null;
  }

  /**
   * Creates the cursor just before `startBlock`, with that block's hash as the walk-back's
   * anchor (none from block 0). A cursor that already exists is kept: restarts resume from it.
   */
  async initialise(chainId: number, startBlock: number, anchor: KnownBlock | null, holder: string): Promise<ChainCursor> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO chain_cursors (chain_id, start_block, last_block, last_hash, updated_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chain_id) DO NOTHING RETURNING chain_id`,
        [chainId, startBlock, startBlock - 1, anchor?.hash ?? null, holder],
      );
      if (inserted.length === 1 && anchor) await this.rememberBlocks(manager, chainId, [anchor]);
      return (await this.get(chainId, manager))!;
    });
  }

  /** Compare-and-set: moves the cursor only from where this instance last saw it. */
  async advance(manager: EntityManager, from: ChainCursor, to: { block: number; hash: string | null }, holder: string): Promise<void> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE chain_cursors SET last_block = $3, last_hash = $4, updated_at = now(), updated_by = $5
          WHERE chain_id = $1 AND last_block = $2 AND last_hash IS NOT DISTINCT FROM $6
         RETURNING chain_id`,
        [from.chainId, from.lastBlock, to.block, to.hash, holder, from.lastHash],
      ),
    );
    if (rows.length !== 1) throw new CursorMovedError(from.chainId, from.lastBlock);
  }

  async knownBlocks(chainId: number, manager: EntityManager = this.dataSource.manager): Promise<KnownBlock[]> {
    const rows: { block_number: string; block_hash: string }[] = await manager.query(
      `SELECT block_number, block_hash FROM recent_blocks WHERE chain_id = $1 ORDER BY block_number DESC`,
      [chainId],
    );
    return rows.map((row) => ({ number: Number(row.block_number), hash: row.block_hash }));
  }

  async rememberBlocks(manager: EntityManager, chainId: number, blocks: readonly KnownBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    await manager.query(
      `INSERT INTO recent_blocks (chain_id, block_number, block_hash)
       SELECT $1, n, h FROM unnest($2::bigint[], $3::text[]) AS t(n, h)
       ON CONFLICT (chain_id, block_number) DO UPDATE SET block_hash = excluded.block_hash`,
      [chainId, blocks.map((b) => b.number), blocks.map((b) => b.hash.toLowerCase())],
    );
  }

  /** Drops hashes below the window, keeping the highest of them as the walk-back's anchor. */
  async pruneBelow(manager: EntityManager, chainId: number, floor: number): Promise<void> {
    await manager.query(
      `DELETE FROM recent_blocks
        WHERE chain_id = $1 AND block_number < (
          SELECT max(block_number) FROM recent_blocks WHERE chain_id = $1 AND block_number < $2)`,
      [chainId, floor],
    );
  }

  /** Forgets hashes above a rewound cursor: those blocks were replaced. */
  async forgetAbove(manager: EntityManager, chainId: number, block: number): Promise<void> {
    await manager.query(`DELETE FROM recent_blocks WHERE chain_id = $1 AND block_number > $2`, [chainId, block]);
  }
}
