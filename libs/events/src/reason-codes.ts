import { z } from 'zod';

/** PRODUCT.md §5: stable strings shown to users and reviewers. Extend, never rename. */
const PRODUCT_REASON_CODES = [
  'PURCHASE_ORDER_NOT_FOUND',
  'PURCHASE_ORDER_NOT_PAID',
  'MISSING_OKX_META',
  'MISSING_COVERAGE_WINDOW',
  'OUT_OF_COVERAGE_WINDOW',
  'NO_LIQUIDATION_FOUND',
  'LIQUIDATION_BEFORE_BINDING',
  'IN_WAITING_PERIOD',
  'ALREADY_CLAIMED',
  'CLAIM_WINDOW_CLOSED',
  'BLACKLISTED',
  'CLAIM_RATE_LIMITED',
  'OKX_KEY_INVALID',
  'OKX_KEY_NOT_READ_ONLY',
  'OKX_RATE_LIMITED',
  'OKX_UNAVAILABLE',
  'VERIFY_TIMEOUT',
  'QUOTE_EXPIRED',
  'CAPACITY_EXCEEDED',
  'PAYMENT_MISMATCH',
  'PAYOUT_TX_MISMATCH',
  'INVALID_STATUS_TRANSITION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'VALIDATION_FAILED',
] as const;

/**
 * Codes added since PRODUCT.md §5, each for a refusal the product list has no word for. The
 * same rule holds: extend, never rename. A service may answer only with a code listed here.
 */
const EXTENSION_REASON_CODES = [
  // Binding an OKX order to a purchase order (okx-binding).
  'PURCHASE_ORDER_ALREADY_BOUND',
  'OKX_ACCOUNT_NOT_LINKED',
  'OKX_ORDER_NOT_FOUND',
  'OKX_ORDER_NOT_OPENING',
  'OKX_ORDER_NOT_FILLED',
  'OKX_ORDER_MISMATCH',
  'OKX_POSITION_NOT_OPEN',
  'TOO_CLOSE_TO_LIQUIDATION',
  'POSITION_ALREADY_INSURED',
  // A reviewer rejected a verified claim; the reviewer's words travel beside it.
  'REJECTED_BY_REVIEWER',
  // Conditions of the HTTP edge (api-gateway) rather than of the insurance domain.
  'RATE_LIMITED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'SERVICE_TIMEOUT',
  'UPSTREAM_ERROR',
  'INTERNAL_ERROR',
] as const;

export const REASON_CODES = [...PRODUCT_REASON_CODES, ...EXTENSION_REASON_CODES] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export const reasonCode = z.enum(REASON_CODES);

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}
