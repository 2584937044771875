import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RpcClient, RpcTimeoutError, RpcUnavailableError, SERVICE_CONFIG, type RpcReply } from '@liqpass/service-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource, type EntityManager } from 'typeorm';
import type { ServiceConfigOf } from '@liqpass/config';
import { Secp256k1Signer, useWasmKeccak } from '@liqpass/signing';
import { assessClaim, detectLiquidation, sealEvidence, type EvidenceItem, type EvidenceSummary, type OkxRecord } from '@liqpass/evidence';
import { NATS_CONNECTION, type InboxCommit } from '@liqpass/messaging';
import type { PolicyView } from '../domain/claim-preconditions';
import { verificationReads } from '../domain/okx-reads';
import type { ClaimStatus } from '../domain/claim-state-machine';
import { ClaimsRepository, type AnyAnnouncement, type ClaimKey, type ClaimRow } from '../infrastructure/claims.repository';
import { ClaimsMetrics } from '../../shared/claims.metrics';

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

/** Time kept after the last OKX try to write the decision before the deadline passes. */
const DECISION_MARGIN_MS = 500;
/** A try shorter than this is not worth sending. */
const MIN_ATTEMPT_MS = 250;
/** Pause before asking again when no okx-binding replica is listening (one restarting). */
const NO_RESPONDER_PAUSE_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  private readonly signer: Secp256k1Signer;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
    private readonly claims: ClaimsRepository,
    private readonly metrics: ClaimsMetrics,
  ) {
    this.rpc = new RpcClient(nc, config.VERIFY_DEADLINE_MS, config.NATS_SUBJECT_PREFIX);
    this.signer = new Secp256k1Signer(config.EVIDENCE_SIGNER_KEY);
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
    // The inbox row and the decision in one statement; the transition is guarded by the status
    // the claim had, so if the sweeper (or a reviewer's retry) moved it on while OKX was read,
    // its state stands and nothing else is written.
    await commit.inOneStatement(async (manager, inbox) => {
      const outcome = this.outcome(claim, policy, decision);
      const { recorded, changed } = await this.claims.transitionRecorded(manager, inbox, claim, outcome.to, 'verifier', outcome.reason, outcome.columns, outcome.announce);
      if (changed) this.observe(claim, outcome.to, outcome.reason ?? 'none');
      return recorded;
    });
  }

  /** Reads OKX (one okx-binding `account.read`, run in parallel there) and decides, without writing. */
  private async verify(policy: PolicyView, claim: ClaimKey): Promise<Decision> {
    const reply = await this.readAccount(policy);
    if ('fail' in reply) return { kind: 'fail', reason: reply.fail, kept: [] };
    if (!reply.ok) return { kind: 'fail', reason: reply.error.code === 'OKX_ACCOUNT_NOT_LINKED' ? 'OKX_KEY_INVALID' : 'OKX_UNAVAILABLE', kept: [] };
    const results: ReadResult[] = reply.data.results;
    // The insured order is context (its size); every other read must have answered.
    const failed = results.filter((result) => !result.ok && result.name !== 'insured-order');
    if (failed.length > 0) {
      const reason = FAILURE_PRIORITY.find((code) => failed.some((result) => result.reason === code)) ?? 'OKX_UNAVAILABLE';
      return { kind: 'fail', reason, kept: items(results) };
    }
    return this.assess(claim, policy, results);
  }

  /**
   * okx-binding's account.read, tried again while the deadline allows when no answer came: no
   * replica listening (a restart) is retried after a short pause, a try left unanswered (the
   * replica died with the request) once it has waited OKX_BINDING_ATTEMPT_MS. An answer — OKX's
   * failures included — is final: okx-binding has already retried OKX itself.
   */
  private async readAccount(policy: PolicyView): Promise<RpcReply<{ results: ReadResult[] }> | { fail: 'VERIFY_TIMEOUT' | 'OKX_UNAVAILABLE' }> {
    // Decide before the sweeper would: the deadline counts from the start of this verification.
    const giveUpAt = Date.now() + this.config.VERIFY_DEADLINE_MS - DECISION_MARGIN_MS;
    const request = { wallet: policy.userWallet, okxUid: policy.okxUid, calls: verificationReads(policy, Date.now()) };
    for (;;) {
      const left = giveUpAt - Date.now();
      try {
        return await this.rpc.call<{ results: ReadResult[] }>('okx-binding', 'account.read', request, Math.max(1, Math.min(left, this.config.OKX_BINDING_ATTEMPT_MS)));
      } catch (error) {
        if (!(error instanceof RpcTimeoutError) && !(error instanceof RpcUnavailableError)) throw error;
        const reason = error instanceof RpcTimeoutError ? 'VERIFY_TIMEOUT' : 'OKX_UNAVAILABLE';
        if (error instanceof RpcUnavailableError) await sleep(Math.min(NO_RESPONDER_PAUSE_MS, Math.max(0, giveUpAt - Date.now())));
        if (giveUpAt - Date.now() < MIN_ATTEMPT_MS) return { fail: reason };
      }
    }
  }

  private assess(claim: ClaimKey, policy: PolicyView, results: ReadResult[]): Decision {
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
    const bundle = sealEvidence({ claimId: claim.id, orderId: policy.orderId ?? `0x${'0'.repeat(64)}`, items: items(results), summary }, this.signer);
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

  /** The transition and event a decision makes. */
  private outcome(claim: ClaimKey, policy: PolicyView | null, decision: Decision): Outcome {
    if (decision.kind === 'fail') return failure(claim, decision.reason, decision.kept);
    if (decision.kind === 'reject') {
      return {
        to: 'REJECTED',
        reason: decision.reason,
        columns: { ...decision.columns, reason_code: decision.reason },
        announce: {
          type: 'ClaimRejected',
          payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: decision.reason as never, rejectedBy: 'VERIFIER', reviewer: null, note: null, rejectedAt: new Date().toISOString() },
        },
      };
    }
    // One claim per OKX liquidation event needs no look-up here: this claim is open, and the
    // one-open-claim-per-policy index (insurance_claims_one_open) admits no other open claim of
    // the policy; insurance_claims_event_unique guards the event itself.
    return {
      to: 'VERIFIED_PENDING_REVIEW',
      reason: null,
      columns: decision.columns,
      announce: {
        type: 'ClaimVerified',
        payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, ...decision.verified, payoutCapUsdc: policy?.payoutCapUsdc ?? '0', verifiedAt: new Date().toISOString() },
      },
    };
  }

  /** FAILED with a reason (the sweeper, in its transaction); the raw answers that did arrive are kept for the reviewer. */
  async fail(manager: EntityManager, claim: ClaimKey, reasonCode: string, kept: EvidenceItem[] = []): Promise<void> {
    const outcome = failure(claim, reasonCode, kept);
    await this.claims.transition(manager, claim, outcome.to, 'verifier', outcome.reason, outcome.columns, outcome.announce);
    this.observe(claim, outcome.to, reasonCode);
  }

  private observe(claim: ClaimKey, status: string, reason: string): void {
    this.metrics.outcomes.inc({ status, reason });
    this.metrics.verifySeconds.observe({ status }, Math.max(0, (Date.now() - claim.updated_at.getTime()) / 1000));
  }
}

interface Outcome {
  readonly to: ClaimStatus;
  readonly reason: string | null;
  readonly columns: Partial<ClaimRow>;
  readonly announce: AnyAnnouncement;
}

function failure(claim: ClaimKey, reasonCode: string, kept: EvidenceItem[]): Outcome {
  return {
    to: 'FAILED',
    reason: reasonCode,
    columns: { reason_code: reasonCode, ...(kept.length ? { evidence_json: { items: kept } } : {}) },
    announce: { type: 'ClaimFailed', payload: { claimId: claim.id, purchaseOrderId: claim.purchase_order_id, reasonCode: reasonCode as never, retryable: true, failedAt: new Date().toISOString() } },
  };
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
