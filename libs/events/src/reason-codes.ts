import { z } from 'zod';

/** PRODUCT.md §5: stable strings shown to users and reviewers. Extend, never rename. */
export const REASON_CODES = [
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

export type ReasonCode = (typeof REASON_CODES)[number];

export const reasonCode = z.enum(REASON_CODES);

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}
