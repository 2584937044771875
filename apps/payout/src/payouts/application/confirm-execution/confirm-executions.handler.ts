import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import type { PayoutRecord } from '../../infrastructure/payout.repository';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { SafeChain } from '../../infrastructure/safe-chain';
import { shortError } from '../execute-payout/execute-payout.handler';
import { ExecutionVerifier } from './execution-verifier';
import { payoutExecutedPayload } from './payout-executed';

/**
 * The watcher's tick: every payout whose execTransaction was sent is checked on-chain. Confirmed
 * → EXECUTED + PayoutExecuted (one transaction, the row re-read under lock so replicas cannot
 * both publish); ExecutionFailure or any mismatch → FLAGGED with PAYOUT_TX_MISMATCH; reverted →
 * back to PROPOSED; dropped from the node's pool → sent again from the stored signed bytes (or,
 * for a Safe UI execution it followed, back to PROPOSED: it has no bytes to send).
 */
@Injectable()
export class ConfirmExecutionsHandler {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
    private readonly verifier: ExecutionVerifier,
    private readonly outbox: OutboxWriter,
    private readonly metrics: PayoutMetrics,
  ) {}

  async tick(): Promise<void> {
    for (const payout of await this.payouts.byStatus('EXECUTING')) {
      try {
        await this.check(payout);
      } catch (error) {
        this.logger.warn({ payoutId: payout.id, err: shortError(error) }, 'payout confirmation check failed; retrying next tick');
      }
    }
  }

  private async check(payout: PayoutRecord): Promise<void> {
    const txHash = payout.execTxHash!;
    const outcome = await this.verifier.verify(txHash, payout, false);
    switch (outcome.kind) {
      case 'UNCONFIRMED':
        return;
      case 'NOT_MINED':
        if (await this.chain.isKnown(txHash)) return;
        if (payout.execRawTx) {
          await this.chain.broadcast(payout.execRawTx).catch(async (error: unknown) => {
            await this.dataSource.transaction((m) => this.payouts.backToProposed(m, payout.id, txHash, `resend failed: ${shortError(error)}`));
          });
          return;
        }
        // A Safe UI execution we followed, reorged away: nobody here can resend it; wait for it again as PROPOSED.
        await this.dataSource.transaction((m) => this.payouts.backToProposed(m, payout.id, txHash, `the followed execution ${txHash} is no longer on the chain`));
        return;
      case 'REVERTED':
        await this.dataSource.transaction((m) => this.payouts.backToProposed(m, payout.id, txHash, `execTransaction ${txHash} reverted`));
        this.metrics.payouts.inc({ outcome: 'reverted' });
        return;
      case 'MISMATCH':
        await this.dataSource.transaction(async (m) => {
          const current = await this.payouts.get(payout.id, m, true);
          if (current?.status === 'EXECUTING' && current.execTxHash === txHash) await this.payouts.markFlagged(m, payout.id, `PAYOUT_TX_MISMATCH: ${outcome.reason}`);
        });
        this.metrics.payouts.inc({ outcome: 'flagged' });
        this.logger.error({ payoutId: payout.id, txHash, reason: outcome.reason }, 'PAYOUT_TX_MISMATCH: payout flagged');
        return;
      case 'CONFIRMED':
        await this.dataSource.transaction(async (m) => {
          const current = await this.payouts.get(payout.id, m, true);
          if (current?.status !== 'EXECUTING' || current.execTxHash !== txHash) return;
          await this.payouts.markExecuted(m, payout.id, { txHash, blockNumber: outcome.blockNumber, logIndex: outcome.transferLogIndex, executedAt: outcome.blockTime, executedBy: null });
          await this.outbox.appendNew(m, 'PayoutExecuted', payoutExecutedPayload(current, txHash, outcome.blockNumber, outcome.blockTime));
        });
        this.metrics.payouts.inc({ outcome: 'executed' });
        return;
    }
  }
}
