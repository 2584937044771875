import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { ServiceConfigOf } from '@liqpass/config';
import { OutboxWriter } from '@liqpass/messaging';
import { currentCorrelationId } from '@liqpass/observability';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import { claimPreconditions, fraudRefusal, mayBeCatchingUp, parseList, type FraudLimits } from '../domain/claim-preconditions';
import { ClaimsRepository, type ClaimRow } from '../infrastructure/claims.repository';
import { ClaimRpcError } from '../../shared/claim-rpc-error';
import { ClaimsMetrics } from '../../shared/claims.metrics';

export interface OpenClaimCommand {
  readonly purchaseOrderId: string;
  readonly claimant: string;
  readonly source: 'TRADER' | 'INTERNAL_TRIGGER';
  readonly submitTxHash?: string;
}

/**
 * POST /claims and POST /internal/claims/onchain-trigger: preconditions, fraud controls, one open
 * claim per policy, then the claim in VERIFYING with ClaimRequested in the same transaction. A
 * FAILED claim asked for again is retried (back to VERIFYING); the internal trigger asked twice
 * answers the claim it opened.
 */
@Injectable()
export class OpenClaimHandler {
  private readonly limits: FraudLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly outbox: OutboxWriter,
    private readonly metrics: ClaimsMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
  ) {
    this.limits = { blacklistedWallets: parseList(config.BLACKLISTED_WALLETS, true), blacklistedOkxUids: parseList(config.BLACKLISTED_OKX_UIDS, false), claimsPer30Days: config.CLAIMS_PER_30_DAYS };
  }

  async execute(command: OpenClaimCommand): Promise<{ claim: ClaimRow; created: boolean }> {
    const claimant = command.claimant.toLowerCase();
    await this.awaitReadModel(command.purchaseOrderId, claimant);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const policy = await this.claims.policy(manager, command.purchaseOrderId);
        // The internal trigger speaks for the policy holder; its claimant must still be the holder.
        const refusal = claimPreconditions(policy, claimant, new Date(), this.config.CLAIM_GRACE_SECONDS);
        if (refusal) throw this.refuse(refusal.code, refusal.message, refusal.status);
        const existing = await this.claims.openClaimOf(manager, command.purchaseOrderId);
        if (existing?.status === 'FAILED') return { claim: await this.retry(manager, existing, claimant), created: false };
        if (existing && command.source === 'INTERNAL_TRIGGER') return { claim: existing, created: false };
        if (existing) throw this.refuse('ALREADY_CLAIMED', `this policy already has a ${existing.status} claim`, 409);
        const fraud = fraudRefusal(policy!, claimant, await this.claims.recentClaims(manager, claimant, policy!.okxUid), this.limits);
        if (fraud) throw this.refuse(fraud.code, fraud.message, fraud.status);
        const signals = await this.signals(manager, policy!.okxUid!);
        const id = uuidv7();
        const claim = await this.claims.insert(
          manager,
          {
            id,
            purchase_order_id: command.purchaseOrderId,
            claimant,
            source: command.source,
            submit_tx_hash: command.submitTxHash ?? null,
            coverage_window_start: policy!.coverageStartAt,
            coverage_window_end: policy!.coverageEndAt,
            payout_cap_usdc: policy!.payoutCapUsdc,
            fraud_signals: signals,
            trace_id: currentCorrelationId() ?? null,
            verify_deadline_at: new Date(Date.now() + this.config.VERIFY_START_WITHIN_MS),
          },
          command.source === 'TRADER' ? claimant : 'internal',
        );
        await this.requested(manager, claim);
        return { claim, created: true };
      });
    } catch (error) {
      // Two requests racing past the check meet the one-open-claim index.
      if ((error as { code?: string }).code === '23505') throw this.refuse('ALREADY_CLAIMED', 'this policy already has an open claim', 409);
      throw error;
    }
  }

  /**
   * Read-your-writes for the trader who presses Claim the moment the policy service shows ACTIVE:
   * while the refusal is one the policy's in-flight events would lift, look again for up to
   * CLAIM_READ_MODEL_WAIT_MS. The transaction below decides either way.
   */
  private async awaitReadModel(purchaseOrderId: string, claimant: string): Promise<void> {
    const deadline = Date.now() + this.config.CLAIM_READ_MODEL_WAIT_MS;
    for (;;) {
      const policy = await this.claims.policy(this.dataSource.manager, purchaseOrderId);
      const refusal = claimPreconditions(policy, claimant, new Date(), this.config.CLAIM_GRACE_SECONDS);
      if (!refusal || !mayBeCatchingUp(policy, claimant, refusal) || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async retry(manager: Parameters<ClaimsRepository['find']>[0], claim: ClaimRow, actor: string): Promise<ClaimRow> {
    const retried = await this.claims.transition(manager, claim, 'VERIFYING', actor, 'retry', {
      attempts: claim.attempts + 1,
      reason_code: null,
      verify_deadline_at: new Date(Date.now() + this.config.VERIFY_START_WITHIN_MS),
    });
    await this.requested(manager, retried);
    return retried;
  }

  private async requested(manager: Parameters<ClaimsRepository['find']>[0], claim: ClaimRow): Promise<void> {
    await this.outbox.appendNew(manager, 'ClaimRequested', {
      claimId: claim.id,
      purchaseOrderId: claim.purchase_order_id,
      claimant: claim.claimant,
      source: claim.source as 'TRADER' | 'INTERNAL_TRIGGER',
      requestedAt: new Date().toISOString(),
    });
  }

  /** Signals shown to the reviewer (not refusals): one OKX uid behind many wallets. */
  private async signals(manager: Parameters<ClaimsRepository['find']>[0], okxUid: string): Promise<unknown[]> {
    const wallets = await this.claims.walletsOfOkxUid(manager, okxUid);
    if (wallets.length <= 1) return [];
    this.metrics.fraudSignals.inc({ signal: 'OKX_UID_MANY_WALLETS' });
    return [{ signal: 'OKX_UID_MANY_WALLETS', okxUid, wallets }];
  }

  private refuse(code: string, message: string, status: number): ClaimRpcError {
    this.metrics.refusals.inc({ reason: code });
    return new ClaimRpcError(code, message, status);
  }
}
