import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { decideClaimApproved, decideClaimPaid } from '../../domain/life-cycle';
import { PurchaseOrderRepository } from '../../infrastructure/purchase-order.repository';
import { toPurchaseOrder, type PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { PolicyTransitions, type Actor } from '../policy-transitions';

/** CLAIMED when a claim on the policy is approved for payout; CLOSED when its payout is confirmed. */
@Injectable()
export class RecordClaimHandler {
  constructor(
    private readonly orders: PurchaseOrderRepository,
    private readonly transitions: PolicyTransitions,
  ) {}

  async approved(manager: EntityManager, purchaseOrderId: string, actor: Actor): Promise<{ row: PurchaseOrderRow; changed: boolean } | null> {
    const row = await this.orders.lock(manager, { id: purchaseOrderId });
    return row ? this.transitions.apply(manager, row, decideClaimApproved(toPurchaseOrder(row)), actor) : null;
  }

  async paid(manager: EntityManager, purchaseOrderId: string, actor: Actor): Promise<{ row: PurchaseOrderRow; changed: boolean } | null> {
    const row = await this.orders.lock(manager, { id: purchaseOrderId });
    return row ? this.transitions.apply(manager, row, decideClaimPaid(toPurchaseOrder(row)), actor) : null;
  }
}
