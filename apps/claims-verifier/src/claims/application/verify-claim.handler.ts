import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcClient, RpcTimeoutError, RpcUnavailableError, SERVICE_CONFIG } from '@liqpass/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { Wallet } from 'ethers';
import { DataSource, type EntityManager } from 'typeorm';
import type { ServiceConfigOf } from '@liqpass/config';
import { assessClaim, detectLiquidation, sealEvidence, useWasmKeccak, type EvidenceItem, type EvidenceSummary, type OkxRecord } from '@liqpass/evidence';
import { NATS_CONNECTION, type InboxCommit } from '@liqpass/messaging';
import type { PolicyView } from '../domain/claim-preconditions';
import { verificationReads } from '../domain/okx-reads';
import { ClaimsRepository, type ClaimRow, type ClaimSummary } from '../infrastructure/claims.repository';
import { ClaimsMetrics } from '../../shared/claims.metrics';
import { ClaimRpcError } from '../../shared/claim-rpc-error';

/** What the OKX reads decided, before anything is written. */
type Decision =
  | { readonly kind: 'fail'; readonly reason: string; readonly kept: EvidenceItem[] }
  | { readonly kind: 'reject'; readonly reason: string; readonly columns: Partial<ClaimRow> }
  | {
      readonly kind: 'verify';
      readonly columns: Partial<ClaimRow>;
      readonly verified: { okxEventId: string; liquidationKind: 'FULL' | 'PARTIAL'; liquidationTimeMs: number; evidenceRoot: string; payoutAmountUsdc: string };
    };

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
 * sealed evidence, and the decision with its event — all within the claim's deadline, counted
 * from when its verification started.
 */
@Injectable()
export class VerifyClaimHandler implements OnModuleInit {
  private readonly rpc: RpcClient;
  private readonly signer: Wallet;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
    private readonly claims: ClaimsRepository,
    private readonly metrics: ClaimsMetrics,
  ) {
    this.rpc = new RpcClient(nc, config.VERIFY_DEADLINE_MS, config.NATS_SUBJECT_PREFIX);
    this.signer = new Wallet(config.EVIDENCE_SIGNER_KEY);
  }

  /** Sealing hashes every raw OKX answer: keccak-256 in WebAssembly, not ethers' JavaScript one. */
  async onModuleInit(): Promise<void> {
    await useWasmKeccak();
  }

  get signerAddress(): string {
    return this.signer.address;
  }

  /**
   * A staged handler's work (ClaimRequested): the OKX reads and the sealing run outside any
   * transaction — holding a pooled connection and the claim's row lock through a remote call
   * was what capped a claim storm — and the decision is written through `commit` in one short
   * transaction, if the claim is still VERIFYING then (the sweeper may have failed it meanwhile).
   */
  async execute(claimId: string, commit: InboxCommit): Promise<void> {
    const started = await this.claims.startVerification(this.dataSource.manager, claimId, this.config.VERIFY_DEADLINE_MS);
    if (!started) return; // decided already (a retry's older event, or the sweeper)
    const { claim, policy } = started;
    const decision: Decision = policy ? await this.verify(policy, claim) : { kind: 'fail', reason: 'VERIFY_TIMEOUT', kept: [] };
    await commit(async (tx) => {
      try {
        await this.apply(tx, claim, policy, decision);
      } catch (error) {
        // The sweeper (or a reviewer's retry) moved the claim on while OKX was read: its state stands.
        if (error instanceof ClaimRpcError && error.code === 'INVALID_STATUS_TRANSITION') return;
        throw error;
      }
    });
  }

  /** Reads OKX (one okx-binding `account.read`, run in parallel there) and decides, without writing. */
  private async verify(policy: PolicyView, claim: ClaimSummary): Promise<Decision> {
    let results: ReadResult[];
    try {
      const reply = await this.rpc.call<{ results: ReadResult[] }>('okx-binding', 'account.read', { wallet: policy.userWallet, okxUid: policy.okxUid, calls: verificationReads(policy) }, this.config.VERIFY_DEADLINE_MS);
      if (!reply.ok) return { kind: 'fail', reason: reply.error.code === 'OKX_ACCOUNT_NOT_LINKED' ? 'OKX_KEY_INVALID' : 'OKX_UNAVAILABLE', kept: [] };
      results = reply.data.results;
    } catch (error) {
      if (error instanceof RpcTimeoutError) return { kind: 'fail', reason: 'VERIFY_TIMEOUT', kept: [] };
      if (error instanceof RpcUnavailableError) return { kind: 'fail', reason: 'OKX_UNAVAILABLE', kept: [] };
      throw error;
    }
    // The insured order is context (its size); every other read must have answered.
    const failed = results.filter((result) => !result.ok && result.name !== 'insured-order');
    if (failed.length > 0) {
      const reason = FAILURE_PRIORITY.find((code) => failed.some((result) => result.reason === code)) ?? 'OKX_UNAVAILABLE';
      return { kind: 'fail', reason, kept: items(results) };
    }
    return this.assess(claim, policy, results);
  }

  private async assess(claim: ClaimSummary, policy: PolicyView, results: ReadResult[]): Promise<Decision> {
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
    const columns = {
      evidence_root: bundle.root,
      evidence_json: bundle,
      liquidation_kind: summary.liquidationKind,
      liquidation_time_ms: event ? String(event.liquidationTimeMs) : null,
    };
    if (!verified) return { kind: 'reject', reason: assessment.reasonCode, columns };
    return {
      kind: 'verify',
      columns: { ...columns, okx_event_id: event!.ordId, payout_amount_usdc: summary.payoutUsdc, reason_code: null },
      verified: { okxEventId: event!.ordId, liquidationKind: assessment.kind, liquidationTimeMs: event!.liquidationTimeMs, evidenceRoot: bundle.root, payoutAmountUsdc: summary.payoutUsdc },
    };
  }

  /** Writes a decision; the transition refuses it if the claim is no longer VERIFYING. */
  private async apply(manager: EntityManager, claim: ClaimSummary, policy: PolicyView | null, decision: Decision): Promise<void> {
    if (decision.kind === 'fail') return this.fail(manager, claim, decision.reason, decision.kept);
    if (decision.kind === 'reject') return this.reject(manager, claim, decision.reason, decision.columns);
    const { verified } = decision;
    // One claim per OKX liquidation event needs no look-up here: this claim is open, and the
    // one-open-claim-per-policy index (insurance_claims_one_open) admits no other open claim of
    // the policy; insurance_claims_event_unique guards the event itself.
    await this.claims.transition(manager, claim, 'VERIFIED_PENDING_REVIEW', 'verifier', null, decision.columns, {
      type: 'ClaimVerified',
      payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, ...verified, payoutCapUsdc: policy?.payoutCapUsdc ?? '0', verifiedAt: new Date().toISOString() },
    });
    this.observe(claim, 'VERIFIED_PENDING_REVIEW', 'none');
  }

  private async reject(manager: EntityManager, claim: ClaimSummary, reasonCode: string, columns: Partial<ClaimRow>): Promise<void> {
    await this.claims.transition(manager, claim, 'REJECTED', 'verifier', reasonCode, { ...columns, reason_code: reasonCode }, {
      type: 'ClaimRejected',
      payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: reasonCode as never, rejectedBy: 'VERIFIER', reviewer: null, note: null, rejectedAt: new Date().toISOString() },
    });
    this.observe(claim, 'REJECTED', reasonCode);
  }

  /** FAILED with a reason; the raw answers that did arrive are kept for the reviewer. */
  async fail(manager: EntityManager, claim: ClaimSummary, reasonCode: string, kept: EvidenceItem[] = []): Promise<void> {
    await this.claims.transition(manager, claim, 'FAILED', 'verifier', reasonCode, { reason_code: reasonCode, ...(kept.length ? { evidence_json: { items: kept } } : {}) }, {
      type: 'ClaimFailed',
      payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: reasonCode as never, retryable: true, failedAt: new Date().toISOString() },
    });
    this.observe(claim, 'FAILED', reasonCode);
  }

  private observe(claim: ClaimSummary, status: string, reason: string): void {
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
