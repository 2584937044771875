import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import type { PayoutRecord } from '../../infrastructure/payout.repository';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { PayoutMetrics } from '../../infrastructure/payout-metrics';
import { SafeChain } from '../../infrastructure/safe-chain';
import { shortError } from '../execute-payout/execute-payout.handler';

/** The flag reason code of a payout whose Safe nonce another Safe transaction used. */
export const SAFE_NONCE_CONSUMED = 'SAFE_NONCE_CONSUMED';

/**
 * A PROPOSED payout can never execute once the Safe's confirmed nonce has moved past its own
 * (someone executed another Safe transaction with that nonce, e.g. in the Safe UI). Each watcher
 * tick finds those: if the Safe emitted ExecutionSuccess for the payout's own SafeTx, it was
 * executed as proposed outside the service and the watcher follows that transaction (EXECUTING,
 * then the usual on-chain check); otherwise the payout is FLAGGED with SAFE_NONCE_CONSUMED, for
 * finance to re-propose with a fresh nonce (or record with mark-paid if it was paid in a batch).
 */
@Injectable()
export class DetectConsumedNoncesHandler {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
    private readonly metrics: PayoutMetrics,
  ) {}

  async tick(): Promise<void> {
    const proposed = await this.payouts.byStatus('PROPOSED');
    if (proposed.length === 0) return;
    const confirmedHead = (await this.chain.head()) - this.settings.chain.confirmations;
    if (confirmedHead < 0) return;
    const safeNonce = await this.chain.safeNonceAt(confirmedHead);
    for (const payout of proposed) {
      if (payout.safeNonce === null || payout.safeTxHash === null || payout.safeNonce >= safeNonce) continue;
      try {
        await this.resolve(payout, payout.safeTxHash, safeNonce, confirmedHead);
      } catch (error) {
        this.logger.warn({ payoutId: payout.id, err: shortError(error) }, 'consumed-nonce check failed; retrying next tick');
      }
    }
  }

  private async resolve(payout: PayoutRecord, safeTxHash: string, safeNonce: number, confirmedHead: number): Promise<void> {
    const [execution] = await this.chain.executionsOf(safeTxHash, payout.proposedBlock ?? 0, confirmedHead);
    if (execution) {
      const followed = await this.dataSource.transaction((m) => this.payouts.followExecution(m, payout.id, safeTxHash, execution));
      if (followed) this.logger.info({ payoutId: payout.id, txHash: execution }, 'payout SafeTx executed outside the service; following it');
      return;
    }
    const reason =
      `${SAFE_NONCE_CONSUMED}: Safe nonce ${payout.safeNonce} was used by another Safe transaction (the Safe is at nonce ${safeNonce}) ` +
      'and this SafeTx was never executed; re-propose it with a fresh nonce, or record it with mark-paid if it was paid in a batch';
    const flagged = await this.dataSource.transaction((m) => this.payouts.flagProposed(m, payout.id, safeTxHash, reason));
    if (!flagged) return;
    this.metrics.payouts.inc({ outcome: 'nonce_consumed' });
    this.logger.error({ payoutId: payout.id, safeNonce: payout.safeNonce, safeTxHash }, `${SAFE_NONCE_CONSUMED}: payout flagged`);
  }
}
