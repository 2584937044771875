import type { EventPayload, EventType } from '../catalog/event-catalog';

/**
 * One valid payload per event, for tests across the repo (producers' and consumers' alike), so
 * that a schema change breaks the fixtures in one place instead of in every service's tests.
 */
const WALLET = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const TOKEN = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const SAFE = '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359';
const HASH_A = `0x${'a1'.repeat(32)}`;
const HASH_B = `0x${'b2'.repeat(32)}`;
const PO_ID = '3f1c8a52-7d3b-4c55-9a8e-2b6f0c1d4e5a';
const CLAIM_ID = '0192f1c2-3b4a-7c5d-8e6f-0123456789ab';
const AT = '2025-11-27T10:00:00.000Z';

const SAMPLES: { readonly [T in EventType]: EventPayload<T> } = {
  PolicyCreated: {
    purchaseOrderId: PO_ID, orderId: HASH_A, userWallet: CHECKSUMMED, chainId: 31337, policyType: 'LIQUIDATION_V1',
    quoteHash: HASH_B, premiumAmountUsdc: '12500000', payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000',
    coverageSeconds: 86400, waitingPeriodSeconds: 600, instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated',
    lever: '20', quoteExpiresAt: AT, createdAt: AT,
  },
  OkxOrderBound: {
    purchaseOrderId: PO_ID, ordId: '680800019749904384', instId: 'BTC-USDT-SWAP', posId: '307173036051017730',
    posCTime: '1732700000000', posSide: 'long', mgnMode: 'isolated', lever: '20', okxUid: '44705892343619584',
    liqPxAtBind: '91234.5', boundAt: AT,
  },
  PremiumPaid: {
    chainId: 31337, txHash: HASH_A, logIndex: 3, blockNumber: 1200, blockHash: HASH_B, blockTime: AT,
    checkoutAddress: SAFE, orderId: HASH_A, buyer: WALLET, token: TOKEN, premiumAmountUsdc: '12500000',
    payoutAmountUsdc: '500000000', coverageSeconds: 86400, quoteHash: HASH_B, treasury: SAFE, confirmations: 3,
  },
  PremiumPaymentReverted: {
    chainId: 31337, txHash: HASH_A, logIndex: 3, blockNumber: 1200, blockHash: HASH_B, orderId: HASH_A,
    premiumPaidEventId: CLAIM_ID, revertedAt: AT,
  },
  PolicyActivated: {
    purchaseOrderId: PO_ID, orderId: HASH_A, userWallet: WALLET, chainId: 31337, payoutFixedUsdc: '500000000',
    payoutCapUsdc: '500000000', coverageStartAt: AT, coverageEndAt: '2025-11-28T10:00:00.000Z', paidAt: AT,
    payTxHash: HASH_A, payer: WALLET,
    okx: { ordId: '680800019749904384', instId: 'BTC-USDT-SWAP', posId: null, posSide: 'long', mgnMode: 'isolated', okxUid: '44705892343619584' },
    activatedAt: AT,
  },
  ClaimRequested: { claimId: CLAIM_ID, purchaseOrderId: PO_ID, claimant: WALLET, source: 'TRADER', requestedAt: AT },
  ClaimVerified: {
    claimId: CLAIM_ID, purchaseOrderId: PO_ID, okxEventId: '680800019749904999', liquidationKind: 'FULL',
    liquidationTimeMs: 1732710000000, evidenceRoot: HASH_B, payoutAmountUsdc: '500000000', payoutCapUsdc: '500000000', verifiedAt: AT,
  },
  ClaimRejected: {
    claimId: CLAIM_ID, purchaseOrderId: PO_ID, reasonCode: 'NO_LIQUIDATION_FOUND', rejectedBy: 'VERIFIER', reviewer: null, note: null, rejectedAt: AT,
  },
  ClaimFailed: { claimId: CLAIM_ID, purchaseOrderId: PO_ID, reasonCode: 'OKX_UNAVAILABLE', retryable: true, failedAt: AT },
  ClaimApproved: {
    claimId: CLAIM_ID, purchaseOrderId: PO_ID, recipient: WALLET, payoutAmountUsdc: '500000000', chainId: 31337,
    token: TOKEN, evidenceRoot: HASH_B, approvedBy: SAFE, approvedAt: AT,
  },
  PayoutProposed: {
    payoutId: PO_ID, claimId: CLAIM_ID, chainId: 31337, safeAddress: SAFE, safeTxHash: HASH_A, safeNonce: 7,
    recipient: WALLET, token: TOKEN, amountUsdc: '500000000', proposedAt: AT,
  },
  PayoutExecuted: {
    payoutId: PO_ID, claimId: CLAIM_ID, chainId: 31337, safeAddress: SAFE, safeTxHash: HASH_A, safeNonce: 7,
    recipient: WALLET, token: TOKEN, amountUsdc: '500000000', txHash: HASH_B, blockNumber: 1300, executedAt: AT,
  },
  ClaimPaid: {
    claimId: CLAIM_ID, purchaseOrderId: PO_ID, payoutAmountUsdc: '500000000', multisigSafe: SAFE, multisigTxHash: HASH_B, paidAt: AT,
  },
  PolicyExpired: { purchaseOrderId: PO_ID, coverageEndAt: AT, expiredAt: AT },
  ReconciliationMismatch: {
    runId: PO_ID, chainId: 31337, kind: 'PREMIUM_SUM', fromBlock: 1000, toBlock: 2000, expectedUsdc: '25000000',
    actualUsdc: '12500000', detail: 'one PremiumPaid log has no payment row', detectedAt: AT,
  },
};

/** A fresh copy of a valid payload for `type` (tests may mutate it). */
export function samplePayload<T extends EventType>(type: T): EventPayload<T> {
  return structuredClone(SAMPLES[type]) as EventPayload<T>;
}
