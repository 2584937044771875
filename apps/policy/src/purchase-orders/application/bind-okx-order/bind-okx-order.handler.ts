import { Injectable } from '@nestjs/common';
import { RpcError } from '@liqpass/service-kit';
import { OkxBindingClient } from '../../../shared/infrastructure/okx-binding.client';
import type { PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { OwnedOrders } from '../owned-orders';
import { PolicyRefusal } from '../policy-transitions';
import { RecordBindingHandler } from '../record-binding/record-binding.handler';

const BINDABLE = ['PENDING_PAYMENT', 'PAID_UNBOUND'];

/**
 * POST /purchase_orders/:id/bind-okx: okx-binding checks the OKX order against the quoted
 * position (`bindings.verify`) and publishes OkxOrderBound; its reply's okx_meta_json is
 * recorded here at once, so the caller sees the new state in the answer.
 */
@Injectable()
export class BindOkxOrderHandler {
  constructor(
    private readonly owned: OwnedOrders,
    private readonly okxBinding: OkxBindingClient,
    private readonly bindings: RecordBindingHandler,
  ) {}

  async execute(wallet: string, id: string, ordId: string, instId: string): Promise<PurchaseOrderRow> {
    const row = await this.owned.get(wallet, id);
    if (row.okx_meta_json?.ordId === ordId && row.okx_meta_json.instId === instId) return row;
    if (!BINDABLE.includes(row.status)) throw new RpcError('INVALID_STATUS_TRANSITION', `a ${row.status} purchase order cannot be bound`, 409);
    const position = row.policy_params_json.position;
    if (!position) throw new RpcError('VALIDATION_FAILED', 'this purchase order priced no OKX position', 422);
    const { okxMeta } = await this.okxBinding.verifyBinding({
      purchaseOrderId: row.id,
      wallet,
      ordId,
      instId,
      terms: { instId: row.instrument, posSide: position.posSide, mgnMode: position.mgnMode, lever: position.lever },
    });
    try {
      const recorded = await this.bindings.record(row.id, okxMeta, { actor: `wallet:${wallet}`, cause: `bind-okx:${ordId}` });
      return recorded!.row;
    } catch (error) {
      if (error instanceof PolicyRefusal) throw new RpcError(error.code, error.message, 409);
      throw error;
    }
  }
}
