import { formatUsdc } from '@liqpass/pricing';
import type { ClaimSummary } from '../infrastructure/claims.repository';

/** USDC base units → "12.5" (the API's amount form, as in POST /quote). */
export const usdc = (baseUnits: string | null): string | null => (baseUnits === null ? null : formatUsdc(BigInt(baseUnits)));
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A claim as the trader's and the admin API answer it. */
export function claimView(claim: ClaimSummary) {
  return {
    id: claim.id,
    purchaseOrderId: claim.purchase_order_id,
    claimant: claim.claimant,
    source: claim.source,
    status: claim.status,
    reasonCode: claim.reason_code,
    okxEventId: claim.okx_event_id,
    liquidationKind: claim.liquidation_kind,
    liquidationTimeMs: claim.liquidation_time_ms === null ? null : Number(claim.liquidation_time_ms),
    coverageWindowStart: iso(claim.coverage_window_start),
    coverageWindowEnd: iso(claim.coverage_window_end),
    payoutAmountUsdc: usdc(claim.payout_amount_usdc),
    payoutCapUsdc: usdc(claim.payout_cap_usdc),
    evidenceRoot: claim.evidence_root,
    approvedBy: claim.approved_by,
    approvedAt: iso(claim.approved_at),
    rejectedReason: claim.rejected_reason,
    multisigSafe: claim.multisig_safe,
    multisigTxHash: claim.multisig_tx_hash,
    paidAt: iso(claim.paid_at),
    attempts: claim.attempts,
    traceId: claim.trace_id,
    createdAt: iso(claim.created_at),
    updatedAt: iso(claim.updated_at),
  };
}
