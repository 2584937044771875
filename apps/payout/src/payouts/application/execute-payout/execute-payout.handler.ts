import { Inject, Injectable } from '@nestjs/common';
import { getAddress } from 'ethers';
import { DataSource } from 'typeorm';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../../config/payout-settings';
import { PayoutError, refuseApprover } from '../../domain/payout';
import { packSignatures } from '../../domain/safe-tx';
import { PayoutRepository } from '../../infrastructure/payout.repository';
import { SafeChain } from '../../infrastructure/safe-chain';

export interface ExecutePayoutCommand {
  readonly payoutId: string;
  readonly caller: string;
}

/**
 * Sends `execTransaction` for a payout whose signatures meet the Safe's threshold, from the
 * executor key. Two-person rule: the claim's approver may not execute. One execution at a time
 * per executor (a session advisory lock spans signing, storing the hash, and sending), so the
 * executor's nonces never collide; the tx hash is stored before the transaction is sent.
 */
@Injectable()
export class ExecutePayoutHandler {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly payouts: PayoutRepository,
    private readonly chain: SafeChain,
  ) {}

  async execute(cmd: ExecutePayoutCommand): Promise<{ txHash: string }> {
    const caller = getAddress(cmd.caller);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockKey = `payout-executor:${this.settings.executorAddress.toLowerCase()}`;
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [lockKey]);
    try {
      const signed = await this.dataSource.transaction(async (manager) => {
        const payout = await this.payouts.get(cmd.payoutId, manager, true);
        if (!payout) throw new PayoutError('NOT_FOUND', `no payout ${cmd.payoutId}`, 404);
        refuseApprover(payout.approvedBy, caller, 'execute');
        if (payout.status === 'EXECUTING' || payout.status === 'EXECUTED') return { txHash: payout.execTxHash!, raw: null };
        if (payout.status !== 'PROPOSED' || !payout.safeTx || payout.safeNonce === null) {
          throw new PayoutError('INVALID_STATUS_TRANSITION', `payout is ${payout.status}; only a PROPOSED payout can be executed`, 409);
        }
        const state = await this.chain.safeState();
        if (state.nonce < payout.safeNonce) {
          throw new PayoutError('INVALID_STATUS_TRANSITION', `the Safe is at nonce ${state.nonce}; payouts with earlier nonces must be executed first (this one is ${payout.safeNonce})`, 409);
        }
        if (state.nonce > payout.safeNonce) {
          throw new PayoutError('INVALID_STATUS_TRANSITION', `Safe nonce ${payout.safeNonce} was already used by another Safe transaction; once that is confirmed the payout is flagged SAFE_NONCE_CONSUMED and can be re-proposed`, 409);
        }
        const all = (await this.payouts.signatures([payout.id], manager)).get(payout.id) ?? [];
        const valid = all.filter((s) => state.owners.includes(s.signer.toLowerCase()));
        if (valid.length < state.threshold) {
          throw new PayoutError('INVALID_STATUS_TRANSITION', `${valid.length} of the ${state.threshold} owner signatures the Safe requires`, 409);
        }
        let execution;
        try {
          execution = await this.chain.signExecution(payout.safeTx, packSignatures(valid, state.threshold));
        } catch (error) {
          throw new PayoutError('INVALID_STATUS_TRANSITION', `the Safe would refuse this execution: ${shortError(error)}`, 409);
        }
        await this.payouts.markExecuting(manager, payout.id, execution.txHash, execution.raw, caller);
        return execution;
      });
      if (signed.raw) await this.send(cmd.payoutId, signed.txHash, signed.raw);
      return { txHash: signed.txHash };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [lockKey]).catch(() => undefined);
      await runner.release();
    }
  }

  private async send(payoutId: string, txHash: string, raw: string): Promise<void> {
    try {
      await this.chain.broadcast(raw);
    } catch (error) {
      // Sent after all (a lost reply)? Then the watcher follows it; otherwise nothing left.
      if (await this.chain.isKnown(txHash).catch(() => true)) return;
      this.logger.warn({ payoutId, txHash, err: shortError(error) }, 'execTransaction could not be sent');
      await this.dataSource.transaction((manager) => this.payouts.backToProposed(manager, payoutId, txHash, `send failed: ${shortError(error)}`));
      throw new PayoutError('INVALID_STATUS_TRANSITION', `execTransaction could not be sent: ${shortError(error)}`, 409);
    }
  }
}

export function shortError(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  return (e.shortMessage ?? e.message ?? String(error)).slice(0, 300);
}
