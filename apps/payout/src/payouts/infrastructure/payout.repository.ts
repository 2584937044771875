import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PayoutStatus } from '../domain/payout';
import type { SafeTx } from '../domain/safe-tx';

/** A payouts row, in the shape the use cases read. */
export interface PayoutRecord {
  readonly id: string;
  readonly claimId: string;
  readonly purchaseOrderId: string;
  readonly chainId: number;
  readonly safeAddress: string;
  readonly token: string;
  readonly recipient: string;
  readonly amountUsdc: string;
  readonly memo: string;
  readonly approvedBy: string;
  readonly status: PayoutStatus;
  readonly heldReason: string | null;
  readonly heldDetail: string | null;
  readonly safeNonce: number | null;
  readonly safeTxHash: string | null;
  readonly safeTx: SafeTx | null;
  readonly execTxHash: string | null;
  readonly execRawTx: string | null;
  readonly executedBy: string | null;
  readonly execBlockNumber: number | null;
  readonly flagReason: string | null;
  readonly lastError: string | null;
  readonly proposedAt: Date | null;
  /** The chain head when the current SafeTx was proposed: where a search for its execution starts. */
  readonly proposedBlock: number | null;
  readonly releasedBy: string | null;
  readonly releaseReason: string | null;
  /** Earlier SafeTx hashes of this payout, whose Safe nonces another Safe transaction used. */
  readonly replacedSafeTxHashes: readonly string[];
  readonly executedAt: Date | null;
  readonly createdAt: Date;
}

export interface NewPayout {
  readonly id: string;
  readonly claimId: string;
  readonly purchaseOrderId: string;
  readonly chainId: number;
  readonly safeAddress: string;
  readonly token: string;
  readonly recipient: string;
  readonly amountUsdc: string;
  readonly memo: string;
  readonly approvedBy: string;
  readonly status: 'HELD' | 'PROPOSED';
  readonly heldReason: string | null;
  readonly heldDetail: string | null;
  readonly safeNonce: number | null;
  readonly safeTxHash: string | null;
  readonly safeTx: SafeTx | null;
  readonly proposedBlock: number | null;
}

/** A fresh SafeTx for a payout (a released hold, or a consumed nonce replaced). */
export interface NewSafeTx {
  readonly nonce: number;
  readonly hash: string;
  readonly tx: SafeTx;
  readonly proposedBlock: number;
}

export interface SignatureRecord {
  readonly signer: string;
  readonly signature: string;
  readonly createdAt: Date;
}

type Row = Record<string, unknown>;

/** How many rows an UPDATE touched: TypeORM answers UPDATE and DELETE with `[rows, rowCount]`. */
const updated = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : (result as unknown[]).length);

const toRecord = (row: Row): PayoutRecord => ({
  id: row.id as string,
  claimId: row.claim_id as string,
  purchaseOrderId: row.purchase_order_id as string,
  chainId: Number(row.chain_id),
  safeAddress: row.safe_address as string,
  token: row.token as string,
  recipient: row.recipient as string,
  amountUsdc: String(row.amount_usdc),
  memo: row.memo as string,
  approvedBy: row.approved_by as string,
  status: row.status as PayoutStatus,
  heldReason: (row.held_reason as string | null) ?? null,
  heldDetail: (row.held_detail as string | null) ?? null,
  safeNonce: row.safe_nonce === null ? null : Number(row.safe_nonce),
  safeTxHash: (row.safe_tx_hash as string | null) ?? null,
  safeTx: (row.safe_tx_json as SafeTx | null) ?? null,
  execTxHash: (row.exec_tx_hash as string | null) ?? null,
  execRawTx: (row.exec_raw_tx as string | null) ?? null,
  executedBy: (row.executed_by as string | null) ?? null,
  execBlockNumber: row.exec_block_number === null ? null : Number(row.exec_block_number),
  flagReason: (row.flag_reason as string | null) ?? null,
  lastError: (row.last_error as string | null) ?? null,
  proposedAt: (row.proposed_at as Date | null) ?? null,
  proposedBlock: row.proposed_block === null || row.proposed_block === undefined ? null : Number(row.proposed_block),
  releasedBy: (row.released_by as string | null) ?? null,
  releaseReason: (row.release_reason as string | null) ?? null,
  replacedSafeTxHashes: (row.replaced_safe_tx_hashes as string[] | null) ?? [],
  executedAt: (row.executed_at as Date | null) ?? null,
  createdAt: row.created_at as Date,
});

/** Payouts and their signatures in the service's own schema, through plain SQL. */
@Injectable()
export class PayoutRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises proposals per Safe (nonce allocation) until the transaction ends. */
  async lockSafe(manager: EntityManager, safe: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('payout-safe:' || $1))`, [safe.toLowerCase()]);
  }

  async findByClaim(manager: EntityManager, claimId: string): Promise<PayoutRecord | null> {
    const rows = (await manager.query('SELECT * FROM payouts WHERE claim_id = $1', [claimId])) as Row[];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<PayoutRecord | null> {
    const rows = (await manager.query(`SELECT * FROM payouts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])) as Row[];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async getByClaimForUpdate(manager: EntityManager, claimId: string): Promise<PayoutRecord | null> {
    const rows = (await manager.query('SELECT * FROM payouts WHERE claim_id = $1 FOR UPDATE', [claimId])) as Row[];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The highest Safe nonce any payout of this Safe holds (proposed ones wait their turn), or null. */
  async highestNonce(manager: EntityManager, chainId: number, safe: string): Promise<number | null> {
    const rows = (await manager.query('SELECT max(safe_nonce) AS n FROM payouts WHERE chain_id = $1 AND safe_address = $2', [chainId, safe])) as Row[];
    return rows[0]?.n === null || rows[0]?.n === undefined ? null : Number(rows[0].n);
  }

  /**
   * Base units proposed since the start of the current UTC day (FLAGGED ones too: they may have
   * moved money, or be re-proposed), and still pending overall (PROPOSED or EXECUTING).
   */
  async committedTotals(manager: EntityManager = this.dataSource.manager): Promise<{ today: bigint; pending: bigint }> {
    const rows = (await manager.query(`
      SELECT
        coalesce(sum(amount_usdc) FILTER (WHERE proposed_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'), 0)::text AS today,
        coalesce(sum(amount_usdc) FILTER (WHERE status IN ('PROPOSED', 'EXECUTING')), 0)::text AS pending
      FROM payouts WHERE status IN ('PROPOSED', 'EXECUTING', 'EXECUTED', 'FLAGGED')`)) as Row[];
    return { today: BigInt(rows[0]!.today as string), pending: BigInt(rows[0]!.pending as string) };
  }

  async insert(manager: EntityManager, p: NewPayout): Promise<void> {
    await manager.query(
      `INSERT INTO payouts (id, claim_id, purchase_order_id, chain_id, safe_address, token, recipient, amount_usdc, memo, approved_by,
         status, held_reason, held_detail, safe_nonce, safe_tx_hash, safe_tx_json, proposed_at, proposed_block)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, CASE WHEN $11 = 'PROPOSED' THEN now() END, $17)`,
      [
        p.id,
        p.claimId,
        p.purchaseOrderId,
        p.chainId,
        p.safeAddress,
        p.token,
        p.recipient,
        p.amountUsdc,
        p.memo,
        p.approvedBy,
        p.status,
        p.heldReason,
        p.heldDetail,
        p.safeNonce,
        p.safeTxHash,
        p.safeTx ? JSON.stringify(p.safeTx) : null,
        p.proposedBlock,
      ],
    );
  }

  async list(status: PayoutStatus | undefined, limit: number, afterId: string | undefined): Promise<PayoutRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM payouts WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [status ?? null, afterId ?? null, limit],
    )) as Row[];
    return rows.map(toRecord);
  }

  async byStatus(status: PayoutStatus, manager: EntityManager = this.dataSource.manager): Promise<PayoutRecord[]> {
    const rows = (await manager.query('SELECT * FROM payouts WHERE status = $1 ORDER BY safe_nonce, id', [status])) as Row[];
    return rows.map(toRecord);
  }

  async signatures(payoutIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, SignatureRecord[]>> {
    const out = new Map<string, SignatureRecord[]>(payoutIds.map((id) => [id, []]));
    if (payoutIds.length === 0) return out;
    const rows = (await manager.query('SELECT * FROM payout_signatures WHERE payout_id = ANY($1::uuid[]) ORDER BY created_at, signer', [payoutIds])) as Row[];
    for (const row of rows) {
      out.get(row.payout_id as string)?.push({ signer: row.signer as string, signature: row.signature as string, createdAt: row.created_at as Date });
    }
    return out;
  }

  /** False when that owner already signed this payout. */
  async addSignature(manager: EntityManager, payoutId: string, signer: string, signature: string, submittedBy: string | null): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO payout_signatures (payout_id, signer, signature, submitted_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (payout_id, signer) DO NOTHING RETURNING signer`,
      [payoutId, signer, signature, submittedBy],
    )) as Row[];
    return rows.length === 1;
  }

  async markExecuting(manager: EntityManager, id: string, txHash: string, raw: string, executedBy: string): Promise<void> {
    await manager.query(
      `UPDATE payouts SET status = 'EXECUTING', exec_tx_hash = $2, exec_raw_tx = $3, executed_by = $4, last_error = NULL, updated_at = now() WHERE id = $1`,
      [id, txHash, raw, executedBy],
    );
  }

  /** A HELD payout released by finance: PROPOSED with its SafeTx; false when it was not HELD. */
  async release(manager: EntityManager, id: string, safeTx: NewSafeTx, releasedBy: string, reason: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE payouts SET status = 'PROPOSED', held_reason = NULL, released_by = $2, release_reason = $3, safe_nonce = $4, safe_tx_hash = $5,
         safe_tx_json = $6, proposed_at = now(), proposed_block = $7, updated_at = now()
       WHERE id = $1 AND status = 'HELD'`,
      [id, releasedBy, reason, safeTx.nonce, safeTx.hash, JSON.stringify(safeTx.tx), safeTx.proposedBlock],
    )) as unknown;
    return updated(rows) === 1;
  }

  /**
   * A FLAGGED payout whose Safe nonce was consumed gets a fresh SafeTx: the old hash is kept in
   * `replaced_safe_tx_hashes` and its signatures (of the old hash) are dropped. False when it was not FLAGGED.
   */
  async repropose(manager: EntityManager, id: string, safeTx: NewSafeTx, note: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE payouts SET status = 'PROPOSED', flag_reason = NULL, replaced_safe_tx_hashes = array_append(replaced_safe_tx_hashes, safe_tx_hash),
         safe_nonce = $2, safe_tx_hash = $3, safe_tx_json = $4, proposed_block = $5, last_error = $6, updated_at = now()
       WHERE id = $1 AND status = 'FLAGGED'`,
      [id, safeTx.nonce, safeTx.hash, JSON.stringify(safeTx.tx), safeTx.proposedBlock, note],
    )) as unknown;
    if (updated(rows) === 0) return false;
    await manager.query('DELETE FROM payout_signatures WHERE payout_id = $1', [id]);
    return true;
  }

  /** A PROPOSED payout whose own SafeTx was executed outside the service (the Safe UI): the watcher follows that transaction. */
  async followExecution(manager: EntityManager, id: string, safeTxHash: string, txHash: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE payouts SET status = 'EXECUTING', exec_tx_hash = $3, exec_raw_tx = NULL, executed_by = NULL, last_error = NULL, updated_at = now()
       WHERE id = $1 AND status = 'PROPOSED' AND safe_tx_hash = $2`,
      [id, safeTxHash, txHash],
    )) as unknown;
    return updated(rows) === 1;
  }

  /** Back to PROPOSED (the execution reverted or never left), keeping why. */
  async backToProposed(manager: EntityManager, id: string, txHash: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE payouts SET status = 'PROPOSED', exec_tx_hash = NULL, exec_raw_tx = NULL, executed_by = NULL, last_error = $3, updated_at = now()
       WHERE id = $1 AND status = 'EXECUTING' AND exec_tx_hash = $2`,
      [id, txHash, error],
    );
  }

  async markExecuted(
    manager: EntityManager,
    id: string,
    exec: { txHash: string; blockNumber: number; logIndex: number; executedAt: Date; executedBy: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE payouts SET status = 'EXECUTED', exec_tx_hash = $2, exec_block_number = $3, exec_log_index = $4, executed_at = $5,
         executed_by = coalesce($6, executed_by), flag_reason = NULL, updated_at = now() WHERE id = $1`,
      [id, exec.txHash, exec.blockNumber, exec.logIndex, exec.executedAt, exec.executedBy],
    );
  }

  async markFlagged(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE payouts SET status = 'FLAGGED', flag_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
  }

  /** FLAGGED only if still PROPOSED at that SafeTx (the watcher's view may be a tick old). */
  async flagProposed(manager: EntityManager, id: string, safeTxHash: string, reason: string): Promise<boolean> {
    const rows = (await manager.query(
      `UPDATE payouts SET status = 'FLAGGED', flag_reason = $3, updated_at = now() WHERE id = $1 AND status = 'PROPOSED' AND safe_tx_hash = $2`,
      [id, safeTxHash, reason],
    )) as unknown;
    return updated(rows) === 1;
  }

  async noteError(id: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE payouts SET last_error = $2, updated_at = now() WHERE id = $1', [id, error]);
  }

  /** Is this on-chain transfer already the payment of some payout? */
  async transferUsed(manager: EntityManager, chainId: number, txHash: string, logIndex: number): Promise<boolean> {
    const rows = (await manager.query('SELECT 1 FROM payouts WHERE chain_id = $1 AND exec_tx_hash = $2 AND exec_log_index = $3', [chainId, txHash, logIndex])) as Row[];
    return rows.length > 0;
  }
}
