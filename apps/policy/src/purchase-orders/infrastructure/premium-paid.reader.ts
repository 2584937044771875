import { Inject, Injectable } from '@nestjs/common';
import { JsonRpcProvider } from 'ethers';
import { decodePremiumPaid, PREMIUM_PAID_TOPIC } from '@liqpass/chain';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';
import { sameAddress, sameHex, type PremiumPayment } from '../domain/purchase-order';

export type ReadPayment =
  | { readonly kind: 'not-mined' }
  | { readonly kind: 'reverted' }
  | { readonly kind: 'unconfirmed'; readonly confirmations: number; readonly needed: number }
  | { readonly kind: 'no-matching-log' }
  | { readonly kind: 'found'; readonly payment: PremiumPayment };

/**
 * Reads a transaction back from the configured chain for mark-paid: its receipt, the
 * PremiumPaid log of a configured checkout for this order, and its block's time — counted only
 * once buried under the configured confirmations, as the payment listener counts it.
 */
@Injectable()
export class PremiumPaidReader {
  private readonly provider: JsonRpcProvider;

  constructor(@Inject(POLICY_SETTINGS) private readonly settings: PolicySettings) {
    this.provider = new JsonRpcProvider(settings.chain.rpcUrl, settings.chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
  }

  async read(txHash: string, orderId: string): Promise<ReadPayment> {
    const { chain } = this.settings;
    const receipt = await this.provider.getTransactionReceipt(txHash);
    if (!receipt || receipt.blockNumber === null) return { kind: 'not-mined' };
    if (receipt.status !== 1) return { kind: 'reverted' };
    const checkouts = [chain.contracts.checkout, ...chain.previousCheckouts];
    const log = receipt.logs.find((l) => l.topics[0] === PREMIUM_PAID_TOPIC && checkouts.some((c) => sameAddress(c, l.address)) && sameHex(decodePremiumPaid(l).orderId, orderId));
    if (!log) return { kind: 'no-matching-log' };
    const head = await this.provider.getBlockNumber();
    const confirmations = head - receipt.blockNumber;
    if (confirmations < chain.confirmations) return { kind: 'unconfirmed', confirmations, needed: chain.confirmations };
    const block = await this.provider.getBlock(receipt.blockNumber);
    const decoded = decodePremiumPaid(log);
    return {
      kind: 'found',
      payment: {
        chainId: chain.chainId,
        checkoutAddress: log.address,
        txHash: receipt.hash,
        logIndex: log.index,
        blockTime: new Date(Number(block!.timestamp) * 1000),
        orderId: decoded.orderId,
        payer: decoded.buyer,
        amountUsdc: decoded.premium,
        quoteHash: decoded.quoteHash,
      },
    };
  }
}
