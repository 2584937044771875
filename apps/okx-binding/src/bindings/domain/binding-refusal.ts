/**
 * Why a binding is refused. The OKX_*, TOO_CLOSE_TO_LIQUIDATION and *_ALREADY_* codes extend
 * PRODUCT.md §5 (extend, never rename); they belong beside REASON_CODES in libs/events once
 * its owner takes them in — until then the gateway shows them as UPSTREAM_ERROR.
 */
export const BINDING_REASON_CODES = [
  'OKX_ACCOUNT_NOT_LINKED',
  'OKX_ORDER_NOT_FOUND',
  'OKX_ORDER_NOT_OPENING',
  'OKX_ORDER_NOT_FILLED',
  'OKX_POSITION_NOT_OPEN',
  'OKX_ORDER_MISMATCH',
  'TOO_CLOSE_TO_LIQUIDATION',
  'POSITION_ALREADY_INSURED',
  'PURCHASE_ORDER_ALREADY_BOUND',
] as const;

export type BindingReasonCode = (typeof BINDING_REASON_CODES)[number];

/** HTTP status each refusal travels with (PRODUCT.md §8: 404 missing, 409 state conflict). */
export const BINDING_REFUSAL_STATUS: Readonly<Record<BindingReasonCode, number>> = {
  OKX_ACCOUNT_NOT_LINKED: 409,
  OKX_ORDER_NOT_FOUND: 404,
  OKX_ORDER_NOT_OPENING: 409,
  OKX_ORDER_NOT_FILLED: 409,
  OKX_POSITION_NOT_OPEN: 409,
  OKX_ORDER_MISMATCH: 409,
  TOO_CLOSE_TO_LIQUIDATION: 409,
  POSITION_ALREADY_INSURED: 409,
  PURCHASE_ORDER_ALREADY_BOUND: 409,
};

export interface BindingRefusal {
  readonly code: BindingReasonCode;
  readonly message: string;
}

export const refuse = (code: BindingReasonCode, message: string): BindingRefusal => ({ code, message });
