import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../../config/listener-settings';
import { DeepReorgError } from '../../domain/listener-errors';
import { paymentMsgId, reversalMsgId, reversalPayload } from '../../domain/premium-payment';
import { findCommonAncestor } from '../../domain/reorg-walk-back';
import { ChainCursorRepository, type ChainCursor } from '../../infrastructure/chain-cursor.repository';
import { ChainLeaseRepository, type HeldLease } from '../../infrastructure/chain-lease.repository';
import { ChainReader } from '../../infrastructure/chain-reader';
import { ListenerMetrics } from '../../infrastructure/listener-metrics';
import { PremiumPaymentRepository } from '../../infrastructure/premium-payment.repository';

export interface ReorgOutcome {
  readonly kind: 'reorg';
  readonly ancestor: number;
  readonly reverted: number;
}

/**
 * CHAIN.md step 3, after the cursor's block hash changed: walk back the stored hashes to the
 * common ancestor and, in one transaction, mark every payment above it REVERTED with a
 * PremiumPaymentReverted event each, and rewind the cursor. Deeper than the window: stop.
 */
@Injectable()
export class RevertReorgedBlocksHandler {
  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly dataSource: DataSource,
    private readonly reader: ChainReader,
    private readonly cursors: ChainCursorRepository,
    private readonly payments: PremiumPaymentRepository,
    private readonly leases: ChainLeaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly metrics: ListenerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(cursor: ChainCursor, lease: HeldLease): Promise<ReorgOutcome> {
    const { chainId } = this.settings.chain;
    const known = (await this.cursors.knownBlocks(chainId)).filter((b) => b.number <= cursor.lastBlock);
    const headers = await this.reader.headers(known.map((b) => b.number));
    const canonical = new Map([...headers].map(([n, header]) => [n, header?.hash ?? null]));
    const walk = findCommonAncestor({ known, canonical, cursorBlock: cursor.lastBlock, window: this.settings.reorgWindow, startBlock: cursor.startBlock });
    if (walk.kind === 'too-deep') throw new DeepReorgError(chainId, cursor.lastBlock, walk.mismatchAt, this.settings.reorgWindow);

    const reverted = await this.dataSource.transaction(async (manager) => {
      await this.leases.fence(manager, lease, this.settings.leaseTtlMs);
      await this.cursors.advance(manager, cursor, { block: walk.block, hash: walk.hash }, lease.holder);
      const counted = await this.payments.countedAbove(manager, chainId, walk.block);
      const revertedAt = new Date();
      const reversals: { paymentId: string; reversalEventId: string }[] = [];
      for (const payment of counted) {
        const event = await this.outbox.appendNew(
          manager,
          'PremiumPaymentReverted',
          reversalPayload({ ...payment, chainId, premiumPaidEventId: payment.id }, revertedAt),
          { correlationId: payment.correlationId, causationId: payment.id, msgId: reversalMsgId(paymentMsgId(chainId, payment.txHash, payment.logIndex, payment.revision)) },
        );
        reversals.push({ paymentId: payment.id, reversalEventId: event.id });
      }
      await this.payments.markReverted(manager, reversals);
      await this.cursors.forgetAbove(manager, chainId, walk.block);
      return counted.length;
    });
    this.metrics.reorgs.inc({ chain_id: chainId });
    if (reverted > 0) this.metrics.eventsEmitted.inc({ chain_id: chainId, event: 'PremiumPaymentReverted' }, reverted);
    this.logger.warn({ chainId, cursor: cursor.lastBlock, ancestor: walk.block, reverted }, 'reorg: cursor rewound to the common ancestor');
    return { kind: 'reorg', ancestor: walk.block, reverted };
  }
}
