/**
 * Why a quote is refused. `code` is the PRODUCT.md §5 reason code shown to the trader; `rule`
 * names the limit for metrics and support, `message` says it in words.
 */
export type PricingRule =
  | 'INSTRUMENT_NOT_INSURED'
  | 'LEVERAGE_OUT_OF_RANGE'
  | 'PRINCIPAL_OUT_OF_RANGE'
  | 'PAYOUT_OUT_OF_RANGE'
  | 'COVERAGE_OUT_OF_RANGE'
  | 'TOO_CLOSE_TO_LIQUIDATION'
  | 'VOLATILITY_UNAVAILABLE'
  | 'INSTRUMENT_CAPACITY'
  | 'TOTAL_CAPACITY';

export interface PricingRefusal {
  readonly code: 'VALIDATION_FAILED' | 'CAPACITY_EXCEEDED' | 'OKX_UNAVAILABLE' | 'TOO_CLOSE_TO_LIQUIDATION';
  readonly rule: PricingRule;
  readonly message: string;
}

export type PricingResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: PricingRefusal };

export const refuse = (code: PricingRefusal['code'], rule: PricingRule, message: string): { ok: false; refusal: PricingRefusal } => ({
  ok: false,
  refusal: { code, rule, message },
});
