import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decideBinding } from '../../domain/life-cycle';
import type { OkxMeta } from '../../domain/purchase-order';
import { PurchaseOrderRepository } from '../../infrastructure/purchase-order.repository';
import { toPurchaseOrder, type PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { PolicyTransitions, type Actor } from '../policy-transitions';

/**
 * Records the OKX binding (okx_meta_json) — from bind-okx's verify reply or from the
 * OkxOrderBound event, whichever comes first; the second finds it recorded and changes nothing.
 */
@Injectable()
export class RecordBindingHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: PurchaseOrderRepository,
    private readonly transitions: PolicyTransitions,
  ) {}

  async record(purchaseOrderId: string, okxMeta: OkxMeta, actor: Actor, manager?: EntityManager): Promise<{ row: PurchaseOrderRow; changed: boolean } | null> {
    const run = async (tx: EntityManager) => {
      const row = await this.orders.lock(tx, { id: purchaseOrderId });
      if (!row) return null;
      return this.transitions.apply(tx, row, decideBinding(toPurchaseOrder(row), okxMeta), actor);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
