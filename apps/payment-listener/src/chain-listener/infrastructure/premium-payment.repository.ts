import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PremiumPayment } from '../domain/premium-payment';

export interface PaymentToRecord {
  /** The id of its PremiumPaid event, which is also the row's id. */
  readonly id: string;
  readonly payment: PremiumPayment;
  readonly correlationId: string;
}

export interface RecordedPayment {
  readonly id: string;
  readonly txHash: string;
  readonly logIndex: number;
  /** 0, or how many times this log was mined, counted and reorged out before. */
  readonly revision: number;
}

export interface CountedPayment {
  readonly id: string;
  readonly txHash: string;
  readonly logIndex: number;
  readonly revision: number;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly orderId: string;
  readonly correlationId: string;
}

/** The payments seen on-chain (CONFIRMED, or REVERTED once a reorg removed them). */
@Injectable()
export class PremiumPaymentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts payments idempotently (CHAIN.md step 6): a log already counted, or an order id
   * already counted, is skipped. Returns only the rows inserted now, with their revision.
   */
  async insertConfirmed(manager: EntityManager, chainId: number, holder: string, rows: readonly PaymentToRecord[]): Promise<RecordedPayment[]> {
    if (rows.length === 0) return [];
    const col = <T>(pick: (row: PaymentToRecord) => T) => rows.map(pick);
    const inserted: { id: string; tx_hash: string; log_index: number; revision: number }[] = await manager.query(
      `INSERT INTO premium_payments (id, chain_id, tx_hash, log_index, revision, block_number, block_hash, block_time,
                                     checkout_address, order_id, buyer, token, premium_usdc, payout_usdc, payout_cap_usdc,
                                     coverage_seconds, quote_hash, treasury, correlation_id, ingested_by)
       SELECT u.id, $1, u.tx_hash, u.log_index,
              (SELECT count(*) FROM premium_payments p WHERE p.chain_id = $1 AND p.tx_hash = u.tx_hash AND p.log_index = u.log_index),
              u.block_number, u.block_hash, to_timestamp(u.block_time), u.checkout, u.order_id, u.buyer, u.token,
              u.premium, u.payout, u.payout_cap, u.coverage, u.quote_hash, u.treasury, u.correlation_id, $2
         FROM unnest($3::uuid[], $4::text[], $5::int[], $6::bigint[], $7::text[], $8::bigint[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::numeric[], $14::numeric[], $15::numeric[], $16::numeric[], $17::text[],
                     $18::text[], $19::text[])
              AS u(id, tx_hash, log_index, block_number, block_hash, block_time, checkout, order_id, buyer, token,
                   premium, payout, payout_cap, coverage, quote_hash, treasury, correlation_id)
       ON CONFLICT DO NOTHING
       RETURNING id, tx_hash, log_index, revision`,
      [
        chainId,
        holder,
        col((r) => r.id),
        col((r) => r.payment.txHash),
        col((r) => r.payment.logIndex),
        col((r) => r.payment.blockNumber),
        col((r) => r.payment.blockHash),
        col((r) => r.payment.blockTime),
        col((r) => r.payment.checkoutAddress),
        col((r) => r.payment.orderId),
        col((r) => r.payment.buyer),
        col((r) => r.payment.token),
        col((r) => r.payment.premium.toString()),
        col((r) => r.payment.payout.toString()),
        col((r) => r.payment.payoutCap.toString()),
        col((r) => r.payment.coverageSeconds.toString()),
        col((r) => r.payment.quoteHash),
        col((r) => r.payment.treasury),
        col((r) => r.correlationId),
      ],
    );
    return inserted.map((row) => ({ id: row.id, txHash: row.tx_hash, logIndex: Number(row.log_index), revision: Number(row.revision) }));
  }

  /** Of these logs, the ones already counted (so a skipped insert that is not among them lost on its order id). */
  async countedKeys(manager: EntityManager, chainId: number, keys: readonly { txHash: string; logIndex: number }[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { tx_hash: string; log_index: number }[] = await manager.query(
      `SELECT p.tx_hash, p.log_index FROM premium_payments p
         JOIN unnest($2::text[], $3::int[]) AS k(tx_hash, log_index) ON p.tx_hash = k.tx_hash AND p.log_index = k.log_index
        WHERE p.chain_id = $1 AND p.status = 'CONFIRMED'`,
      [chainId, keys.map((k) => k.txHash), keys.map((k) => k.logIndex)],
    );
    return new Set(rows.map((row) => `${row.tx_hash}:${row.log_index}`));
  }

  /** Counted payments above a block, locked for the reversal. */
  async countedAbove(manager: EntityManager, chainId: number, block: number): Promise<CountedPayment[]> {
    const rows: {
      id: string;
      tx_hash: string;
      log_index: number;
      revision: number;
      block_number: string;
      block_hash: string;
      order_id: string;
      correlation_id: string;
    }[] = await manager.query(
      `SELECT id, tx_hash, log_index, revision, block_number, block_hash, order_id, correlation_id
         FROM premium_payments
        WHERE chain_id = $1 AND status = 'CONFIRMED' AND block_number > $2
        ORDER BY block_number, log_index
          FOR UPDATE`,
      [chainId, block],
    );
    return rows.map((row) => ({
      id: row.id,
      txHash: row.tx_hash,
      logIndex: Number(row.log_index),
      revision: Number(row.revision),
      blockNumber: Number(row.block_number),
      blockHash: row.block_hash,
      orderId: row.order_id,
      correlationId: row.correlation_id,
    }));
  }

  async markReverted(manager: EntityManager, reversals: readonly { paymentId: string; reversalEventId: string }[]): Promise<void> {
    if (reversals.length === 0) return;
    await manager.query(
      `UPDATE premium_payments p SET status = 'REVERTED', reverted_at = now(), reversal_event_id = u.reversal_id
         FROM unnest($1::uuid[], $2::uuid[]) AS u(id, reversal_id)
        WHERE p.id = u.id AND p.status = 'CONFIRMED'`,
      [reversals.map((r) => r.paymentId), reversals.map((r) => r.reversalEventId)],
    );
  }

  /** Counted payments in a block range, for reconciliation. */
  async countedInRange(chainId: number, from: number, to: number): Promise<{ txHash: string; logIndex: number; orderId: string; premium: bigint; treasury: string }[]> {
    const rows: { tx_hash: string; log_index: number; order_id: string; premium_usdc: string; treasury: string }[] = await this.dataSource.query(
      `SELECT tx_hash, log_index, order_id, premium_usdc::text AS premium_usdc, treasury
         FROM premium_payments
        WHERE chain_id = $1 AND status = 'CONFIRMED' AND block_number BETWEEN $2 AND $3`,
      [chainId, from, to],
    );
    return rows.map((row) => ({ txHash: row.tx_hash, logIndex: Number(row.log_index), orderId: row.order_id, premium: BigInt(row.premium_usdc), treasury: row.treasury }));
  }
}
