import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { ServiceConfigOf } from '@liqpass/config';
import { currentCorrelationId } from '@liqpass/observability';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import { claimPreconditions, fraudRefusal, mayBeCatchingUp, parseList, type FraudLimits } from '../domain/claim-preconditions';
import { ClaimsRepository, type Announcement, type ClaimRow, type ClaimSummary, type OpeningContext } from '../infrastructure/claims.repository';
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
 * claim per policy, then the claim in VERIFYING with ClaimRequested in the same statement — two
 * round trips in all on the common path (a claim storm's), where there were ten. A FAILED claim
 * asked for again is retried (back to VERIFYING); the internal trigger asked twice answers the
 * claim it opened. The one-open-claim index, not a lock, stops two new claims racing.
 */
@Injectable()
export class OpenClaimHandler {
  private readonly limits: FraudLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly metrics: ClaimsMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
  ) {
    this.limits = { blacklistedWallets: parseList(config.BLACKLISTED_WALLETS, true), blacklistedOkxUids: parseList(config.BLACKLISTED_OKX_UIDS, false), claimsPer30Days: config.CLAIMS_PER_30_DAYS };
  }

  async execute(command: OpenClaimCommand): Promise<{ claim: ClaimSummary; created: boolean }> {
    const claimant = command.claimant.toLowerCase();
    const context = await this.readContext(command.purchaseOrderId, claimant);
    // The internal trigger speaks for the policy holder; its claimant must still be the holder.
    const refusal = claimPreconditions(context.policy, claimant, new Date(), this.config.CLAIM_GRACE_SECONDS);
    if (refusal) throw this.refuse(refusal.code, refusal.message, refusal.status);
    const policy = context.policy!;
    if (context.openClaim) {
      if (context.openClaim.status !== 'FAILED' && command.source === 'TRADER') throw this.alreadyClaimed(context.openClaim.status);
      const settled = await this.settleOpenClaim(command, claimant);
      if (settled) return settled;
    }
    const fraud = fraudRefusal(policy, claimant, context.recent, this.limits);
    if (fraud) throw this.refuse(fraud.code, fraud.message, fraud.status);
    const id = uuidv7();
    const claim = {
      id,
      purchase_order_id: command.purchaseOrderId,
      claimant,
      source: command.source,
      submit_tx_hash: command.submitTxHash ?? null,
      coverage_window_start: policy.coverageStartAt,
      coverage_window_end: policy.coverageEndAt,
      payout_cap_usdc: policy.payoutCapUsdc,
      fraud_signals: this.signals(policy.okxUid!, context.okxUidWallets),
      trace_id: currentCorrelationId() ?? null,
      verify_deadline_at: new Date(Date.now() + this.config.VERIFY_START_WITHIN_MS),
    };
    try {
      // The claim, its audit row and ClaimRequested commit together in one statement.
      const inserted = await this.claims.insert(this.dataSource.manager, claim, command.source === 'TRADER' ? claimant : 'internal', this.requested({ ...claim, claimant, source: command.source }));
      return { claim: inserted, created: true };
    } catch (error) {
      // Two requests racing past the read meet the one-open-claim index.
      if ((error as { code?: string }).code === '23505') throw this.refuse('ALREADY_CLAIMED', 'this policy already has an open claim', 409);
      throw error;
    }
  }

  /**
   * The policy and what the fraud controls count, in one read. Read-your-writes for the trader
   * who presses Claim the moment the policy service shows ACTIVE: while the refusal is one the
   * policy's in-flight events would lift, look again for up to CLAIM_READ_MODEL_WAIT_MS.
   */
  private async readContext(purchaseOrderId: string, claimant: string): Promise<OpeningContext> {
    const deadline = Date.now() + this.config.CLAIM_READ_MODEL_WAIT_MS;
    for (;;) {
      const context = await this.claims.openingContext(this.dataSource.manager, purchaseOrderId, claimant);
      const refusal = claimPreconditions(context.policy, claimant, new Date(), this.config.CLAIM_GRACE_SECONDS);
      if (!refusal || !mayBeCatchingUp(context.policy, claimant, refusal) || Date.now() >= deadline) return context;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * The policy has an open claim: under its row lock, a FAILED one is retried (back to
   * VERIFYING) and the internal trigger gets the one it opened. Null if it is gone meanwhile
   * (rejected): a new claim may be opened.
   */
  private async settleOpenClaim(command: OpenClaimCommand, claimant: string): Promise<{ claim: ClaimSummary; created: boolean } | null> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const existing = await this.claims.openClaimOf(manager, command.purchaseOrderId);
        if (existing?.status === 'FAILED') return { claim: await this.retry(manager, existing, claimant), created: false };
        if (existing && command.source === 'INTERNAL_TRIGGER') return { claim: existing, created: false };
        if (existing) throw this.alreadyClaimed(existing.status);
        return null;
      });
    } catch (error) {
      // Two retries racing: the second finds the claim VERIFYING again.
      if (error instanceof ClaimRpcError && error.code === 'INVALID_STATUS_TRANSITION') throw this.alreadyClaimed('VERIFYING');
      throw error;
    }
  }

  private async retry(manager: EntityManager, claim: ClaimRow, actor: string): Promise<ClaimSummary> {
    return this.claims.transition(
      manager,
      claim,
      'VERIFYING',
      actor,
      'retry',
      { attempts: claim.attempts + 1, reason_code: null, verify_deadline_at: new Date(Date.now() + this.config.VERIFY_START_WITHIN_MS) },
      this.requested(claim),
    );
  }

  private requested(claim: Pick<ClaimRow, 'id' | 'purchase_order_id' | 'claimant' | 'source'>): Announcement<'ClaimRequested'> {
    return {
      type: 'ClaimRequested',
      payload: {
        claimId: claim.id,
        purchaseOrderId: claim.purchase_order_id,
        claimant: claim.claimant,
        source: claim.source as 'TRADER' | 'INTERNAL_TRIGGER',
        requestedAt: new Date().toISOString(),
      },
    };
  }

  /** Signals shown to the reviewer (not refusals): one OKX uid behind many wallets. */
  private signals(okxUid: string, wallets: string[]): unknown[] {
    if (wallets.length <= 1) return [];
    this.metrics.fraudSignals.inc({ signal: 'OKX_UID_MANY_WALLETS' });
    return [{ signal: 'OKX_UID_MANY_WALLETS', okxUid, wallets }];
  }

  private alreadyClaimed(status: string): ClaimRpcError {
    return this.refuse('ALREADY_CLAIMED', `this policy already has a ${status} claim`, 409);
  }

  private refuse(code: string, message: string, status: number): ClaimRpcError {
    this.metrics.refusals.inc({ reason: code });
    return new ClaimRpcError(code, message, status);
  }
}
