import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OkxMeta } from '../domain/okx-meta';

export interface BindingRecord {
  readonly purchaseOrderId: string;
  readonly wallet: string;
  readonly linkedAccountId: string;
  readonly meta: OkxMeta;
}

/** Why an insert was refused by the database rules (constraint names from the migration). */
export type BindingConflict = 'PURCHASE_ORDER_ALREADY_BOUND' | 'POSITION_ALREADY_INSURED';

interface BindingRow {
  purchase_order_id: string;
  wallet: string;
  linked_account_id: string;
  okx_meta: OkxMeta;
}

const toRecord = (row: BindingRow): BindingRecord => ({
  purchaseOrderId: row.purchase_order_id,
  wallet: row.wallet,
  linkedAccountId: row.linked_account_id,
  meta: row.okx_meta,
});

/** `bindings`: one per purchase order, one per OKX position (uid, posId, cTime) — enforced by the database. */
@Injectable()
export class BindingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByPurchaseOrder(purchaseOrderId: string): Promise<BindingRecord | null> {
    const rows: BindingRow[] = await this.dataSource.query(
      `SELECT purchase_order_id, wallet, linked_account_id, okx_meta FROM bindings WHERE purchase_order_id = $1`,
      [purchaseOrderId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByPosition(okxUid: string, posId: string, posCTime: string): Promise<BindingRecord | null> {
    const rows: BindingRow[] = await this.dataSource.query(
      `SELECT purchase_order_id, wallet, linked_account_id, okx_meta FROM bindings WHERE okx_uid = $1 AND pos_id = $2 AND pos_c_time = $3`,
      [okxUid, posId, posCTime],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async insert(manager: EntityManager, binding: BindingRecord): Promise<void> {
    const { meta } = binding;
    await manager.query(
      `INSERT INTO bindings (purchase_order_id, wallet, linked_account_id, okx_uid, ord_id, inst_id, pos_id, pos_c_time, okx_meta, bound_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [binding.purchaseOrderId, binding.wallet, binding.linkedAccountId, meta.okxUid, meta.ordId, meta.instId, meta.posId, meta.posCTime, JSON.stringify(meta), meta.boundAt],
    );
  }
}

/** The rule a unique violation broke, or null for any other error. */
export function bindingConflictOf(error: unknown): BindingConflict | null {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  if (driver?.code !== '23505') return null;
  if (driver.constraint === 'bindings_position_unique') return 'POSITION_ALREADY_INSURED';
  if (driver.constraint === 'bindings_pkey') return 'PURCHASE_ORDER_ALREADY_BOUND';
  return null;
}
