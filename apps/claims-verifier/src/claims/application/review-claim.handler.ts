import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { getAddress } from 'ethers';
import type { ServiceConfigOf } from '@liqpass/config';
import { verifyEvidenceBundle, type EvidenceBundle } from '@liqpass/evidence';
import { OutboxWriter } from '@liqpass/messaging';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import { ClaimsRepository, type ClaimRow } from '../infrastructure/claims.repository';
import { ClaimRpcError } from '../../shared/claim-rpc-error';
import { claimView } from './claim-view';

/**
 * The reviewer's side (PRODUCT.md §2 step 11): list, inspect (policy, evidence summary, the root
 * recomputed here, fraud signals, history), approve (→ APPROVED_PENDING_MULTISIG, ClaimApproved with
 * the approver, whom the payout service keeps from executing) or reject with a reason.
 */
@Injectable()
export class ReviewClaimHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
  ) {}

  async detail(id: string, signer: string) {
    const manager = this.dataSource.manager;
    const claim = await this.mustFind(manager, id);
    const policy = await this.claims.policy(manager, claim.purchase_order_id);
    const bundle = claim.evidence_json as EvidenceBundle | null;
    const sealed = bundle && Array.isArray(bundle.leaves);
    const check = sealed ? verifyEvidenceBundle(bundle, signer) : null;
    return {
      claim: claimView(claim),
      policy,
      evidence: sealed
        ? { root: bundle.root, signer: bundle.signer, items: bundle.items.map((item) => ({ name: item.name, path: item.request.path, status: item.status, fetchedAt: item.fetchedAt })), summary: bundle.summary }
        : null,
      rootCheck: check ? { ok: check.ok, recomputedRoot: check.recomputedRoot, recoveredSigner: check.recoveredSigner, problems: check.problems } : null,
      fraudSignals: claim.fraud_signals,
      history: await this.claims.history(manager, id),
    };
  }

  async approve(id: string, reviewer: string) {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.mustFind(manager, id, true);
      const policy = await this.claims.policy(manager, claim.purchase_order_id);
      const approvedAt = new Date();
      const approved = await this.claims.transition(manager, claim, 'APPROVED_PENDING_MULTISIG', reviewer, null, { approved_by: reviewer, approved_at: approvedAt });
      await this.outbox.appendNew(manager, 'ClaimApproved', {
        claimId: claim.id,
        purchaseOrderId: claim.purchase_order_id,
        recipient: getAddress(policy?.userWallet ?? claim.claimant),
        payoutAmountUsdc: claim.payout_amount_usdc ?? '0',
        chainId: policy?.chainId ?? 0,
        token: getAddress(this.config.PAYOUT_TOKEN_ADDRESS),
        evidenceRoot: claim.evidence_root!,
        approvedBy: getAddress(reviewer),
        approvedAt: approvedAt.toISOString(),
      });
      return claimView(approved);
    });
  }

  async reject(id: string, reviewer: string, reason: string) {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.mustFind(manager, id, true);
      const rejected = await this.claims.transition(manager, claim, 'REJECTED', reviewer, reason, { rejected_reason: reason, reason_code: 'REJECTED_BY_REVIEWER' });
      await this.outbox.appendNew(manager, 'ClaimRejected', {
        claimId: claim.id,
        purchaseOrderId: claim.purchase_order_id,
        reasonCode: 'REJECTED_BY_REVIEWER',
        rejectedBy: 'REVIEWER',
        reviewer: getAddress(reviewer),
        note: reason,
        rejectedAt: new Date().toISOString(),
      });
      return claimView(rejected);
    });
  }

  private async mustFind(manager: DataSource['manager'], id: string, lock = false): Promise<ClaimRow> {
    const claim = await this.claims.find(manager, id, lock);
    if (!claim) throw new ClaimRpcError('NOT_FOUND', 'no such claim', 404);
    return claim;
  }
}
