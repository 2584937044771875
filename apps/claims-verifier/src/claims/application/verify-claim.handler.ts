import { Inject, Injectable } from '@nestjs/common';
import { RpcClient, RpcTimeoutError, RpcUnavailableError, SERVICE_CONFIG } from '@liqpass/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { Wallet } from 'ethers';
import type { EntityManager } from 'typeorm';
import type { ServiceConfigOf } from '@liqpass/config';
import { assessClaim, detectLiquidation, sealEvidence, type EvidenceItem, type EvidenceSummary, type OkxRecord } from '@liqpass/evidence';
import { NATS_CONNECTION, OutboxWriter } from '@liqpass/messaging';
import type { PolicyView } from '../domain/claim-preconditions';
import { verificationReads } from '../domain/okx-reads';
import { ClaimsRepository, type ClaimRow } from '../infrastructure/claims.repository';
import { ClaimsMetrics } from '../../shared/claims.metrics';

interface ReadResult {
  readonly name: string;
  readonly ok: boolean;
  readonly reason?: string;
  readonly raw?: { method: string; path: string; query: Record<string, string>; status: number; body: unknown; fetchedAt: string } | null;
}

const FAILURE_PRIORITY = ['OKX_KEY_INVALID', 'OKX_RATE_LIMITED', 'OKX_UNAVAILABLE'];

/**
 * Verifies one claim (ClaimRequested): every OKX read in one okx-binding `account.read` (run in
 * parallel there, with the trader's stored key), the detection rule, the coverage assessment,
 * sealed evidence, and the decision with its event — all before the claim's deadline.
 */
@Injectable()
export class VerifyClaimHandler {
  private readonly rpc: RpcClient;
  private readonly signer: Wallet;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
    private readonly claims: ClaimsRepository,
    private readonly outbox: OutboxWriter,
    private readonly metrics: ClaimsMetrics,
  ) {
    this.rpc = new RpcClient(nc, config.VERIFY_DEADLINE_MS, config.NATS_SUBJECT_PREFIX);
    this.signer = new Wallet(config.EVIDENCE_SIGNER_KEY);
  }

  get signerAddress(): string {
    return this.signer.address;
  }

  async execute(manager: EntityManager, claimId: string): Promise<void> {
    const claim = await this.claims.find(manager, claimId, true);
    if (!claim || claim.status !== 'VERIFYING') return; // decided already (a retry's older event, or the sweeper)
    const policy = await this.claims.policy(manager, claim.purchase_order_id);
    const remaining = (claim.verify_deadline_at?.getTime() ?? Date.now() + this.config.VERIFY_DEADLINE_MS) - Date.now();
    if (!policy || remaining <= 0) return void (await this.fail(manager, claim, 'VERIFY_TIMEOUT'));

    let results: ReadResult[];
    try {
      const reply = await this.rpc.call<{ results: ReadResult[] }>('okx-binding', 'account.read', { wallet: policy.userWallet, okxUid: policy.okxUid, calls: verificationReads(policy) }, remaining);
      if (!reply.ok) return void (await this.fail(manager, claim, reply.error.code === 'OKX_ACCOUNT_NOT_LINKED' ? 'OKX_KEY_INVALID' : 'OKX_UNAVAILABLE'));
      results = reply.data.results;
    } catch (error) {
      if (error instanceof RpcTimeoutError) return void (await this.fail(manager, claim, 'VERIFY_TIMEOUT'));
      if (error instanceof RpcUnavailableError) return void (await this.fail(manager, claim, 'OKX_UNAVAILABLE'));
      throw error;
    }
    // The insured order is context (its size); every other read must have answered.
    const failed = results.filter((result) => !result.ok && result.name !== 'insured-order');
    if (failed.length > 0) {
      const reason = FAILURE_PRIORITY.find((code) => failed.some((result) => result.reason === code)) ?? 'OKX_UNAVAILABLE';
      return void (await this.fail(manager, claim, reason, items(results)));
    }
    await this.decide(manager, claim, policy, results);
  }

  private async decide(manager: EntityManager, claim: ClaimRow, policy: PolicyView, results: ReadResult[]): Promise<void> {
    const data = (prefix: string): OkxRecord[] => results.filter((r) => r.name.startsWith(prefix) && r.ok).flatMap((r) => dataOf(r.raw?.body));
    const detection = detectLiquidation(
      { orders: data('orders-history'), positionsHistory: data('positions-history'), fills: data('fills-history'), bills: data('bills') },
      { instId: policy.instId, posSide: policy.posSide, mgnMode: policy.mgnMode, posId: policy.posId, posCTime: policy.posCTime },
    );
    // The size bound is the insured size; the insuring order's fill is the fallback for bindings
    // recorded before okx-binding reported it.
    const insuredSz = policy.posSzAtBind ?? data('insured-order')[0]?.accFillSz ?? null;
    const assessment = assessClaim(detection, {
      coverageStartMs: policy.coverageStartAt!.getTime(),
      coverageEndMs: policy.coverageEndAt!.getTime(),
      boundAtMs: policy.boundAt?.getTime() ?? null,
      paidAtMs: policy.paidAt?.getTime() ?? null,
      payoutFixedUsdc: BigInt(policy.payoutFixedUsdc ?? '0'),
      payoutCapUsdc: BigInt(policy.payoutCapUsdc ?? '0'),
      insuredSz: insuredSz || null,
    });
    const verified = assessment.outcome === 'VERIFIED';
    const event = assessment.event;
    const summary: EvidenceSummary = {
      outcome: assessment.outcome,
      reasonCode: verified ? null : assessment.reasonCode,
      liquidationKind: verified ? assessment.kind : (event?.kind ?? null),
      okxEventId: event?.ordId ?? null,
      liquidationTimeMs: event?.liquidationTimeMs ?? 0,
      payoutUsdc: verified ? assessment.payoutUsdc.toString() : '0',
      liquidatedSz: verified ? assessment.liquidatedSz : (event?.sz ?? null),
      insuredSz,
      insuredSizeUnknown: verified ? assessment.insuredSizeUnknown : false,
      fillPx: event?.fillPx ?? null,
      pnl: event?.pnl ?? null,
      corroboratedByPositionHistory: event?.corroboratedByPositionHistory ?? false,
      corroboratedByBill: event?.corroboratedByBill ?? false,
      coverageStartMs: policy.coverageStartAt!.getTime(),
      coverageEndMs: policy.coverageEndAt!.getTime(),
      position: { instId: policy.instId, posSide: policy.posSide, mgnMode: policy.mgnMode, posId: policy.posId, posCTime: policy.posCTime },
      ignoredOrders: detection.ignored,
    };
    const bundle = await sealEvidence({ claimId: claim.id, orderId: policy.orderId ?? `0x${'0'.repeat(64)}`, items: items(results), summary }, this.signer);
    const common = {
      evidence_root: bundle.root,
      evidence_json: bundle,
      liquidation_kind: summary.liquidationKind,
      liquidation_time_ms: event ? String(event.liquidationTimeMs) : null,
    };
    const now = new Date().toISOString();
    if (verified) {
      // One claim per OKX liquidation event: another open claim of this policy holding it means ALREADY_CLAIMED.
      const [taken] = (await manager.query(`SELECT 1 FROM insurance_claims WHERE purchase_order_id = $1 AND okx_event_id = $2 AND id <> $3 AND status <> 'REJECTED'`, [claim.purchase_order_id, event!.ordId, claim.id])) as unknown[];
      if (taken) return this.reject(manager, claim, 'ALREADY_CLAIMED', common);
      await this.claims.transition(manager, claim, 'VERIFIED_PENDING_REVIEW', 'verifier', null, { ...common, okx_event_id: event!.ordId, payout_amount_usdc: summary.payoutUsdc, reason_code: null });
      await this.outbox.appendNew(manager, 'ClaimVerified', {
        claimId: claim.id,
        purchaseOrderId: claim.purchase_order_id,
        okxEventId: event!.ordId,
        liquidationKind: assessment.kind,
        liquidationTimeMs: event!.liquidationTimeMs,
        evidenceRoot: bundle.root,
        payoutAmountUsdc: summary.payoutUsdc,
        payoutCapUsdc: policy.payoutCapUsdc ?? '0',
        verifiedAt: now,
      });
      this.observe(claim, 'VERIFIED_PENDING_REVIEW', 'none');
      return;
    }
    await this.reject(manager, claim, assessment.reasonCode, common);
  }

  private async reject(manager: EntityManager, claim: ClaimRow, reasonCode: string, columns: Partial<ClaimRow>): Promise<void> {
    await this.claims.transition(manager, claim, 'REJECTED', 'verifier', reasonCode, { ...columns, reason_code: reasonCode });
    await this.outbox.appendNew(manager, 'ClaimRejected', { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: reasonCode as never, rejectedBy: 'VERIFIER', reviewer: null, note: null, rejectedAt: new Date().toISOString() });
    this.observe(claim, 'REJECTED', reasonCode);
  }

  /** FAILED with a reason; the raw answers that did arrive are kept for the reviewer. */
  async fail(manager: EntityManager, claim: ClaimRow, reasonCode: string, kept: EvidenceItem[] = []): Promise<void> {
    await this.claims.transition(manager, claim, 'FAILED', 'verifier', reasonCode, { reason_code: reasonCode, ...(kept.length ? { evidence_json: { items: kept } } : {}) });
    await this.outbox.appendNew(manager, 'ClaimFailed', { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: reasonCode as never, retryable: true, failedAt: new Date().toISOString() });
    this.observe(claim, 'FAILED', reasonCode);
  }

  private observe(claim: ClaimRow, status: string, reason: string): void {
    this.metrics.outcomes.inc({ status, reason });
    this.metrics.verifySeconds.observe({ status }, Math.max(0, (Date.now() - claim.updated_at.getTime()) / 1000));
  }
}

function dataOf(body: unknown): OkxRecord[] {
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? (data as OkxRecord[]) : [];
}

/** Every raw response as an evidence item, in the order the reads were asked. */
function items(results: ReadResult[]): EvidenceItem[] {
  return results
    .filter((result) => result.raw)
    .map((result) => ({ name: result.name, request: { method: result.raw!.method, path: result.raw!.path, query: result.raw!.query }, status: result.raw!.status, fetchedAt: result.raw!.fetchedAt, body: result.raw!.body }));
}
