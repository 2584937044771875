import { Inject, Injectable } from '@nestjs/common';
import { id, zeroPadValue } from 'ethers';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../config/listener-settings';
import { AdaptiveRangeSize, type BlockRange } from '../../chain-listener/domain/block-range';
import type { ChainLog } from '../../chain-listener/domain/chain-log';
import { fetchInPieces } from '../../chain-listener/domain/fetch-in-pieces';
import { mapInSlices } from '../../chain-listener/domain/map-in-slices';
import { checksum, decodePremiumPaidLog } from '../../chain-listener/domain/premium-paid-decoder';
import { ChainReader } from '../../chain-listener/infrastructure/chain-reader';
import type { ChainPayment, TreasuryTransfer } from '../domain/reconcile';

const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');

/**
 * What reconciliation reads from the chain, independently of the listener's books: every
 * PremiumPaid log of a range again, the treasury's USDC transfers, and balances at a block.
 */
@Injectable()
export class LedgerReader {
  private readonly size: AdaptiveRangeSize;

  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly reader: ChainReader,
  ) {
    this.size = new AdaptiveRangeSize(settings.backfillRange);
  }

  async premiumPayments(range: BlockRange): Promise<ChainPayment[]> {
    const logs = await this.logs(range, this.settings.checkouts, [this.settings.topic]);
    return mapInSlices(logs, (log) => {
      const e = decodePremiumPaidLog(log);
      return { txHash: log.txHash.toLowerCase(), logIndex: log.logIndex, orderId: e.orderId.toLowerCase(), buyer: e.buyer, premium: e.premium, treasury: e.treasury };
    });
  }

  /** USDC transfers into and out of the treasury. */
  async treasuryTransfers(range: BlockRange): Promise<TreasuryTransfer[]> {
    const { usdc, treasurySafe } = this.settings.chain.contracts;
    const padded = zeroPadValue(treasurySafe, 32);
    const [incoming, outgoing] = await Promise.all([
      this.logs(range, [usdc], [TRANSFER_TOPIC, null, padded]),
      this.logs(range, [usdc], [TRANSFER_TOPIC, padded]),
    ]);
    const unique = new Map<string, ChainLog>([...incoming, ...outgoing].map((log) => [`${log.txHash}:${log.logIndex}`, log]));
    // Transfer(address indexed from, address indexed to, uint256 value): a fixed layout.
    return mapInSlices([...unique.values()], (log) => ({
      txHash: log.txHash.toLowerCase(),
      logIndex: log.logIndex,
      from: checksum(log.topics[1]!.slice(26)),
      to: checksum(log.topics[2]!.slice(26)),
      value: BigInt(log.data.slice(0, 66)),
    }));
  }

  /** USDC balance at a block; 0 before the chain's first block. */
  async usdcBalance(holder: string, block: number): Promise<bigint> {
    return block < 0 ? 0n : this.reader.balanceOf(this.settings.chain.contracts.usdc, holder, block);
  }

  private logs(range: BlockRange, addresses: readonly string[], topics: readonly (string | null)[]): Promise<ChainLog[]> {
    return fetchInPieces(range, this.size, (piece) => this.reader.logs({ addresses, topics }, piece));
  }
}
