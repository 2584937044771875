import { Injectable } from '@nestjs/common';
import { RpcError } from '@liqpass/service-kit';
import { paymentProblems } from '../../domain/life-cycle';
import { PremiumPaidReader } from '../../infrastructure/premium-paid.reader';
import { toPurchaseOrder, type PurchaseOrderRow } from '../../infrastructure/purchase-order.row';
import { OwnedOrders } from '../owned-orders';
import { RecordPaymentHandler } from '../record-payment/record-payment.handler';

/**
 * POST /purchase_orders/:id/mark-paid — the manual fallback: accepted only when the given
 * transaction emitted, on the configured chain and checkout, a confirmed PremiumPaid that pays
 * exactly this order (payer, amount, quote hash). It is then recorded as the listener's event
 * would be, so whichever comes second changes nothing.
 */
@Injectable()
export class MarkPaidHandler {
  constructor(
    private readonly owned: OwnedOrders,
    private readonly reader: PremiumPaidReader,
    private readonly payments: RecordPaymentHandler,
  ) {}

  async execute(wallet: string, id: string, txHash: string): Promise<PurchaseOrderRow> {
    const row = await this.owned.get(wallet, id);
    const read = await this.reader.read(txHash, row.order_id).catch(() => {
      throw new RpcError('SERVICE_UNAVAILABLE', 'the chain could not be read; try again', 503);
    });
    switch (read.kind) {
      case 'not-mined':
        throw new RpcError('PURCHASE_ORDER_NOT_PAID', `transaction ${txHash} is not mined on chain ${row.chain_id}`, 409);
      case 'reverted':
        throw new RpcError('PAYMENT_MISMATCH', `transaction ${txHash} reverted: it paid nothing`, 409);
      case 'no-matching-log':
        throw new RpcError('PAYMENT_MISMATCH', `transaction ${txHash} emitted no PremiumPaid for order ${row.order_id} from the configured checkout`, 409);
      case 'unconfirmed':
        throw new RpcError('PURCHASE_ORDER_NOT_PAID', `transaction ${txHash} has ${read.confirmations} of ${read.needed} confirmations; try again shortly`, 409);
      case 'found':
        break;
    }
    const problems = paymentProblems(toPurchaseOrder(row), read.payment, this.payments.acceptedChain);
    if (problems.length > 0) throw new RpcError('PAYMENT_MISMATCH', `transaction ${txHash} does not pay this order: ${problems.join('; ')}`, 409);
    const outcome = await this.payments.record(read.payment, { actor: `wallet:${wallet}`, cause: `mark-paid:${txHash}` });
    if (outcome.kind !== 'recorded') throw new RpcError('PURCHASE_ORDER_NOT_FOUND', `purchase order ${id} not found`, 404);
    return outcome.row;
  }
}
