import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPEN_EXPOSURE_STATUSES, type PolicyStatus } from '../domain/policy-status';
import type { OrderPatch } from '../domain/life-cycle';
import type { PolicyParams, PurchaseOrderRow } from './purchase-order.row';

export interface NewPurchaseOrder {
  readonly id: string;
  readonly orderId: string;
  readonly quoteId: string;
  readonly userWallet: string;
  readonly chainId: number;
  readonly checkoutAddress: string;
  readonly quoteHash: string;
  readonly instrument: string;
  readonly premiumAmountUsdc: bigint;
  readonly payoutFixedUsdc: bigint;
  readonly payoutCapUsdc: bigint;
  readonly policyParams: PolicyParams;
  readonly quoteExpiresAt: Date;
}

const OPEN = OPEN_EXPOSURE_STATUSES.map((s) => `'${s}'`).join(',');

/** `purchase_orders`: rows in, rows out; the life cycle decides, this only stores. */
@Injectable()
export class PurchaseOrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, order: NewPurchaseOrder): Promise<PurchaseOrderRow> {
    const rows: PurchaseOrderRow[] = await manager.query(
      `INSERT INTO purchase_orders (id, order_id, quote_id, user_wallet, chain_id, checkout_address, quote_hash, instrument,
         premium_amount_usdc, payout_fixed_usdc, payout_cap_usdc, policy_params_json, quote_expires_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'PENDING_PAYMENT')
       RETURNING *`,
      [
        order.id, order.orderId, order.quoteId, order.userWallet, order.chainId, order.checkoutAddress, order.quoteHash, order.instrument,
        order.premiumAmountUsdc.toString(), order.payoutFixedUsdc.toString(), order.payoutCapUsdc.toString(), JSON.stringify(order.policyParams), order.quoteExpiresAt,
      ],
    );
    return rows[0]!;
  }

  /** Locks the row for the rest of the transaction (every status change goes through a lock). */
  async lock(manager: EntityManager, by: { id: string } | { orderId: string }): Promise<PurchaseOrderRow | null> {
    const [column, value] = 'id' in by ? ['id', by.id] : ['order_id', by.orderId.toLowerCase()];
    const rows: PurchaseOrderRow[] = await manager.query(`SELECT * FROM purchase_orders WHERE ${column} = $1 FOR UPDATE`, [value]);
    return rows[0] ?? null;
  }

  async find(id: string): Promise<PurchaseOrderRow | null> {
    const rows: PurchaseOrderRow[] = await this.dataSource.query(`SELECT * FROM purchase_orders WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByQuote(manager: EntityManager, quoteId: string): Promise<PurchaseOrderRow | null> {
    const rows: PurchaseOrderRow[] = await manager.query(`SELECT * FROM purchase_orders WHERE quote_id = $1`, [quoteId]);
    return rows[0] ?? null;
  }

  /** The wallet's orders, newest first, keyset-paged on (created_at, id). */
  async listByWallet(wallet: string, options: { status?: PolicyStatus; limit: number; after?: { createdAt: string; id: string } }): Promise<PurchaseOrderRow[]> {
    const params: unknown[] = [wallet.toLowerCase(), options.limit];
    let where = 'user_wallet = $1';
    if (options.status) {
      params.push(options.status);
      where += ` AND status = $${params.length}`;
    }
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      where += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    return this.dataSource.query(`SELECT * FROM purchase_orders WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`, params);
  }

  /** Writes a decided change; the caller holds the row lock. */
  async update(manager: EntityManager, id: string, status: PolicyStatus, patch: OrderPatch): Promise<PurchaseOrderRow> {
    const sets: string[] = ['status = $2', 'version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [id, status];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if ('okxMeta' in patch) set('okx_meta_json', patch.okxMeta === null ? null : JSON.stringify(patch.okxMeta));
    if ('boundAt' in patch) set('bound_at', patch.boundAt);
    if ('payment' in patch) {
      const p = patch.payment ?? null;
      set('paid_at', p?.blockTime ?? null);
      set('pay_tx_hash', p?.txHash.toLowerCase() ?? null);
      set('pay_log_index', p?.logIndex ?? null);
      set('pay_chain_id', p?.chainId ?? null);
      set('pay_checkout_address', p?.checkoutAddress ?? null);
      set('payer', p?.payer ?? null);
      set('paid_amount_usdc', p ? p.amountUsdc.toString() : null);
      set('paid_quote_hash', p?.quoteHash.toLowerCase() ?? null);
    }
    if ('paymentProblem' in patch) set('payment_problem', patch.paymentProblem);
    if ('coverageStartAt' in patch) set('coverage_start_at', patch.coverageStartAt);
    if ('coverageEndAt' in patch) set('coverage_end_at', patch.coverageEndAt);
    const rows = returnedRows<PurchaseOrderRow>(await manager.query(`UPDATE purchase_orders SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params));
    return rows[0]!;
  }

  /** Sum of payout caps of policies that may still pay out: on the instrument, and in total. */
  async openExposure(instrument: string, manager: EntityManager = this.dataSource.manager): Promise<{ instrument: bigint; total: bigint }> {
    const rows: { instrument: string | null; total: string | null }[] = await manager.query(
      `SELECT coalesce(sum(payout_cap_usdc) FILTER (WHERE instrument = $1), 0)::text AS instrument,
              coalesce(sum(payout_cap_usdc), 0)::text AS total
         FROM purchase_orders WHERE status IN (${OPEN})`,
      [instrument],
    );
    return { instrument: BigInt(rows[0]?.instrument ?? '0'), total: BigInt(rows[0]?.total ?? '0') };
  }

  /** Open exposure of every instrument at once (for the quote-time snapshot). */
  async openExposureByInstrument(): Promise<Map<string, bigint>> {
    const rows: { instrument: string; exposure: string }[] = await this.dataSource.query(
      `SELECT instrument, sum(payout_cap_usdc)::text AS exposure FROM purchase_orders WHERE status IN (${OPEN}) GROUP BY instrument`,
    );
    return new Map(rows.map((r) => [r.instrument, BigInt(r.exposure)]));
  }

  /** Active policies whose coverage has ended. */
  async dueForExpiry(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM purchase_orders WHERE status = 'ACTIVE' AND coverage_end_at <= now() ORDER BY coverage_end_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Unpaid orders whose quote expired more than `graceSeconds` ago. */
  async dueForCancellation(graceSeconds: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM purchase_orders
        WHERE status IN ('PENDING_PAYMENT','BOUND_UNPAID') AND quote_expires_at + $1 * interval '1 second' <= now()
        ORDER BY quote_expires_at LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((r) => r.id);
  }
}

/** TypeORM's pg driver answers UPDATE … RETURNING with [rows, affected]; INSERT and SELECT with rows. */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
