/** The claims service's read model of one policy (from policy and okx-binding events). */
export interface PolicyView {
  readonly purchaseOrderId: string;
  readonly orderId: string | null;
  readonly userWallet: string | null;
  readonly chainId: number | null;
  readonly payoutFixedUsdc: string | null;
  readonly payoutCapUsdc: string | null;
  readonly instId: string | null;
  readonly posSide: string | null;
  readonly mgnMode: string | null;
  readonly ordId: string | null;
  readonly posId: string | null;
  readonly posCTime: string | null;
  readonly okxUid: string | null;
  /** The position size when bound (decimal string), if okx-binding reported it. */
  readonly posSzAtBind: string | null;
  readonly boundAt: Date | null;
  readonly paidAt: Date | null;
  readonly coverageStartAt: Date | null;
  readonly coverageEndAt: Date | null;
}

export interface ClaimRefusal {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

const refuse = (code: string, status: number, message: string): ClaimRefusal => ({ code, status, message });

/**
 * PRODUCT.md §5 preconditions of a claim, in order; null when a claim may be opened. A trader
 * asking about someone else's policy is told it does not exist (no ownership oracle).
 */
export function claimPreconditions(policy: PolicyView | null, claimant: string, now: Date, graceSeconds: number): ClaimRefusal | null {
  if (!policy || !policy.userWallet) return refuse('PURCHASE_ORDER_NOT_FOUND', 404, 'no such purchase order');
  if (policy.userWallet.toLowerCase() !== claimant.toLowerCase()) return refuse('PURCHASE_ORDER_NOT_FOUND', 404, 'no such purchase order');
  if (!policy.paidAt) return refuse('PURCHASE_ORDER_NOT_PAID', 409, 'the premium of this purchase order has not been paid');
  if (!policy.ordId || !policy.instId || !policy.okxUid || !policy.posSide || !policy.mgnMode) return refuse('MISSING_OKX_META', 409, 'no OKX order is bound to this purchase order');
  if (!policy.coverageStartAt || !policy.coverageEndAt) return refuse('MISSING_COVERAGE_WINDOW', 409, 'the policy has no coverage window yet');
  if (now.getTime() > policy.coverageEndAt.getTime() + graceSeconds * 1000) return refuse('CLAIM_WINDOW_CLOSED', 409, 'claims on this policy closed at coverage end + grace period');
  return null;
}

const CATCHING_UP = new Set(['PURCHASE_ORDER_NOT_PAID', 'MISSING_OKX_META', 'MISSING_COVERAGE_WINDOW']);

/**
 * Whether a refusal may only mean that this service's read model has not yet consumed the
 * policy's latest events (PolicyCreated, OkxOrderBound, PolicyActivated): the trader saw ACTIVE
 * from the policy service a moment before. A policy held by another wallet is a final answer.
 */
export function mayBeCatchingUp(policy: PolicyView | null, claimant: string, refusal: ClaimRefusal): boolean {
  if (!policy || !policy.userWallet) return refusal.code === 'PURCHASE_ORDER_NOT_FOUND';
  return policy.userWallet.toLowerCase() === claimant.toLowerCase() && CATCHING_UP.has(refusal.code);
}

export interface FraudLimits {
  readonly blacklistedWallets: ReadonlySet<string>;
  readonly blacklistedOkxUids: ReadonlySet<string>;
  readonly claimsPer30Days: number;
}

/** PRODUCT.md §5 fraud controls checked when a claim is opened. */
export function fraudRefusal(policy: PolicyView, claimant: string, recentClaims: { byWallet: number; byOkxUid: number }, limits: FraudLimits): ClaimRefusal | null {
  if (limits.blacklistedWallets.has(claimant.toLowerCase())) return refuse('BLACKLISTED', 403, 'this wallet may not claim');
  if (policy.okxUid && limits.blacklistedOkxUids.has(policy.okxUid)) return refuse('BLACKLISTED', 403, 'this OKX account may not claim');
  if (recentClaims.byWallet >= limits.claimsPer30Days || recentClaims.byOkxUid >= limits.claimsPer30Days)
    return refuse('CLAIM_RATE_LIMITED', 429, `at most ${limits.claimsPer30Days} claims per 30 days per wallet and per OKX account`);
  return null;
}

export const parseList = (value: string, lower: boolean): ReadonlySet<string> =>
  new Set(
    value
      .split(',')
      .map((entry) => (lower ? entry.trim().toLowerCase() : entry.trim()))
      .filter(Boolean),
  );
