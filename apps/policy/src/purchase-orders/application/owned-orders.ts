import { Injectable } from '@nestjs/common';
import { RpcError } from '@liqpass/service-kit';
import { PurchaseOrderRepository } from '../infrastructure/purchase-order.repository';
import type { PurchaseOrderRow } from '../infrastructure/purchase-order.row';

/** Reads for the owner only: another wallet's order is "not found", never "forbidden" (no probing). */
@Injectable()
export class OwnedOrders {
  constructor(private readonly orders: PurchaseOrderRepository) {}

  async get(wallet: string, id: string): Promise<PurchaseOrderRow> {
    const row = await this.orders.find(id);
    if (!row || row.user_wallet !== wallet) throw new RpcError('PURCHASE_ORDER_NOT_FOUND', `purchase order ${id} not found`, 404);
    return row;
  }
}
