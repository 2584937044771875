import { safeTxTypedData } from '../domain/safe-tx';
import type { PayoutRecord, SignatureRecord } from '../infrastructure/payout.repository';

/**
 * A payout as GET /admin/payouts shows it (LOCAL-STACK.md "Admin API"): the instruction, the
 * Safe call (`to` = USDC, `data` = its transfer, operation 0), the SafeTx typed data an owner
 * signs, and the signatures collected so far.
 */
export function payoutView(p: PayoutRecord, signatures: readonly SignatureRecord[]) {
  return {
    id: p.id,
    claimId: p.claimId,
    purchaseOrderId: p.purchaseOrderId,
    status: p.status,
    heldReason: p.heldReason,
    heldDetail: p.heldDetail,
    chainId: p.chainId,
    recipient: p.recipient,
    token: p.token,
    amountUsdc: p.amountUsdc,
    memo: p.memo,
    approvedBy: p.approvedBy,
    safeAddress: p.safeAddress,
    safeTxHash: p.safeTxHash,
    nonce: p.safeNonce,
    to: p.safeTx?.to ?? null,
    value: p.safeTx?.value ?? null,
    data: p.safeTx?.data ?? null,
    operation: p.safeTx ? p.safeTx.operation : null,
    typedData: p.safeTx ? safeTxTypedData(p.chainId, p.safeAddress, p.safeTx) : null,
    signatures: signatures.map((s) => ({ signer: s.signer, signature: s.signature, createdAt: s.createdAt.toISOString() })),
    txHash: p.execTxHash,
    executedBy: p.executedBy,
    blockNumber: p.execBlockNumber,
    flagReason: p.flagReason,
    lastError: p.lastError,
    proposedAt: p.proposedAt?.toISOString() ?? null,
    releasedBy: p.releasedBy,
    releaseReason: p.releaseReason,
    replacedSafeTxHashes: p.replacedSafeTxHashes,
    executedAt: p.executedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

export type PayoutView = ReturnType<typeof payoutView>;
