import type { ReasonCode } from '@liqpass/events';

/**
 * Every reason code (PRODUCT.md §5 and its extensions) in plain words for traders and
 * reviewers. Typed as a full Record so a code added to @liqpass/events without words here
 * fails the type check rather than reaching a user as a bare constant.
 */
export const REASON_EXPLANATIONS: Record<ReasonCode, string> = {
  PURCHASE_ORDER_NOT_FOUND: 'No such policy exists for your wallet.',
  PURCHASE_ORDER_NOT_PAID: 'The policy has not been paid yet, so it does not cover anything.',
  MISSING_OKX_META: 'The policy was never bound to an OKX order, so there is no position to check.',
  MISSING_COVERAGE_WINDOW: 'The policy has no coverage window yet (it is not active).',
  OUT_OF_COVERAGE_WINDOW: 'The liquidation happened outside the coverage window.',
  NO_LIQUIDATION_FOUND: 'OKX shows no liquidation of the insured position.',
  LIQUIDATION_BEFORE_BINDING: 'The liquidation happened before the policy was bound or paid, which never counts.',
  IN_WAITING_PERIOD: 'The liquidation happened during the waiting period after activation.',
  ALREADY_CLAIMED: 'This policy already has a claim.',
  CLAIM_WINDOW_CLOSED: 'The time to file a claim for this policy has passed.',
  BLACKLISTED: 'This wallet or OKX account may not buy cover or claim.',
  CLAIM_RATE_LIMITED: 'Too many claims from this wallet or OKX account in the last 30 days.',
  OKX_KEY_INVALID: 'OKX refused the API key, secret or passphrase.',
  OKX_KEY_NOT_READ_ONLY: 'The key can trade or withdraw. LiqPass only accepts read-only keys: create one with the "Read" permission only.',
  OKX_RATE_LIMITED: 'OKX is rate-limiting requests; try again in a moment.',
  OKX_UNAVAILABLE: 'OKX could not be reached; try again in a moment.',
  VERIFY_TIMEOUT: 'Checking the claim with OKX took too long; it can be retried.',
  QUOTE_EXPIRED: 'The quote expired; ask for a new one.',
  CAPACITY_EXCEEDED: 'LiqPass cannot take on more cover of this kind right now.',
  PAYMENT_MISMATCH: 'The payment did not match the quote (amount or wallet); finance will refund it.',
  PAYOUT_TX_MISMATCH: 'The payout transaction does not match the approved payout.',
  INVALID_STATUS_TRANSITION: 'That step is not possible in the current state.',
  UNAUTHORIZED: 'You are not signed in, or your session has ended.',
  FORBIDDEN: 'Your wallet may not do this.',
  VALIDATION_FAILED: 'Some input was not accepted.',
  PURCHASE_ORDER_ALREADY_BOUND: 'The policy is already bound to an OKX order.',
  OKX_ACCOUNT_NOT_LINKED: 'Link an OKX read-only key first.',
  OKX_ORDER_NOT_FOUND: 'OKX has no such order on your linked account.',
  OKX_ORDER_NOT_OPENING: 'That order did not open the position (it is a close, reduce-only or liquidation order).',
  OKX_ORDER_NOT_FILLED: 'That order is not filled.',
  OKX_ORDER_MISMATCH: 'The order does not match the quote (instrument, side, margin mode or leverage).',
  OKX_POSITION_NOT_OPEN: 'The position is no longer open.',
  TOO_CLOSE_TO_LIQUIDATION: 'The position is already too close to its liquidation price to insure.',
  POSITION_ALREADY_INSURED: 'That position is already insured.',
  REJECTED_BY_REVIEWER: 'A reviewer rejected the claim (see their reason).',
  RATE_LIMITED: 'Too many requests; wait a moment.',
  NOT_FOUND: 'That was not found (or is not yours).',
  METHOD_NOT_ALLOWED: 'That action is not available here.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'The request format was not accepted.',
  SERVICE_UNAVAILABLE: 'A LiqPass service is not running; try again shortly.',
  SERVICE_TIMEOUT: 'A LiqPass service did not answer in time; try again.',
  UPSTREAM_ERROR: 'A LiqPass service failed; try again.',
  INTERNAL_ERROR: 'Something went wrong on our side.',
};

/** Words for a code from the API; an unknown code is shown as is rather than hidden. */
export function explainReason(code: string | null | undefined): string {
  if (!code) return '';
  return (REASON_EXPLANATIONS as Record<string, string>)[code] ?? `Reason code ${code}.`;
}
