import { aligned, addDecimals, parseDecimal } from './decimal';
import type { LiquidationDetection, LiquidationEvent, LiquidationKind } from './detect-liquidation';

/** What the policy insured and when (all times epoch ms; amounts USDC base units). */
export interface ClaimTerms {
  readonly coverageStartMs: number;
  readonly coverageEndMs: number;
  /** When the OKX order was bound; a liquidation before it never counts. */
  readonly boundAtMs: number | null;
  /** When the premium was paid; a liquidation before it never counts. */
  readonly paidAtMs: number | null;
  readonly payoutFixedUsdc: bigint;
  readonly payoutCapUsdc: bigint;
  /** Insured size in contracts (position size at binding); a partial liquidation is scaled by it. */
  readonly insuredSz: string | null;
}

export type ClaimAssessment =
  | {
      readonly outcome: 'VERIFIED';
      readonly kind: LiquidationKind;
      readonly event: LiquidationEvent;
      /** Contracts liquidated inside the window (every partial one added up). */
      readonly liquidatedSz: string;
      readonly payoutUsdc: bigint;
      /** True when the insured size was unknown and a partial liquidation was paid unscaled (the reviewer sees it). */
      readonly insuredSizeUnknown: boolean;
    }
  | {
      readonly outcome: 'REJECTED';
      readonly reasonCode: 'NO_LIQUIDATION_FOUND' | 'LIQUIDATION_BEFORE_BINDING' | 'IN_WAITING_PERIOD' | 'OUT_OF_COVERAGE_WINDOW';
      readonly event: LiquidationEvent | null;
    };

/**
 * PRODUCT.md §5: a liquidation of the bound position counts when its time is inside
 * [coverage_start_at, coverage_end_at]. Full pays min(fixed, cap); partial pays fixed × liquidated
 * ÷ insured, then capped. Outside the window the most telling reason is given: before binding or
 * payment (fraud control), inside the waiting period, or simply out of the window.
 */
export function assessClaim(detection: LiquidationDetection, terms: ClaimTerms): ClaimAssessment {
  const { events } = detection;
  if (events.length === 0) return { outcome: 'REJECTED', reasonCode: 'NO_LIQUIDATION_FOUND', event: null };
  const inWindow = events.filter((event) => event.liquidationTimeMs >= terms.coverageStartMs && event.liquidationTimeMs <= terms.coverageEndMs);
  const maxPayout = terms.payoutFixedUsdc < terms.payoutCapUsdc ? terms.payoutFixedUsdc : terms.payoutCapUsdc;
  if (inWindow.length > 0) {
    const full = inWindow.find((event) => event.kind === 'FULL');
    if (full) return { outcome: 'VERIFIED', kind: 'FULL', event: full, liquidatedSz: full.sz, payoutUsdc: maxPayout, insuredSizeUnknown: false };
    const liquidatedSz = addDecimals(inWindow.map((event) => event.sz));
    const { payout, unknown } = scaledPayout(terms, liquidatedSz, maxPayout);
    return { outcome: 'VERIFIED', kind: 'PARTIAL', event: inWindow[0]!, liquidatedSz, payoutUsdc: payout, insuredSizeUnknown: unknown };
  }
  const startedAt = Math.max(terms.boundAtMs ?? -Infinity, terms.paidAtMs ?? -Infinity);
  const beforeBinding = events.find((event) => event.liquidationTimeMs < startedAt);
  const inWaiting = events.find((event) => event.liquidationTimeMs >= startedAt && event.liquidationTimeMs < terms.coverageStartMs);
  if (inWaiting) return { outcome: 'REJECTED', reasonCode: 'IN_WAITING_PERIOD', event: inWaiting };
  if (beforeBinding) return { outcome: 'REJECTED', reasonCode: 'LIQUIDATION_BEFORE_BINDING', event: beforeBinding };
  return { outcome: 'REJECTED', reasonCode: 'OUT_OF_COVERAGE_WINDOW', event: events[events.length - 1]! };
}

function scaledPayout(terms: ClaimTerms, liquidatedSz: string, maxPayout: bigint): { payout: bigint; unknown: boolean } {
  if (!terms.insuredSz || parseDecimal(terms.insuredSz).units === 0n) return { payout: maxPayout, unknown: true };
  const [liquidated, insured] = aligned(parseDecimal(liquidatedSz), parseDecimal(terms.insuredSz));
  const scaled = (terms.payoutFixedUsdc * liquidated) / insured;
  return { payout: scaled < maxPayout ? scaled : maxPayout, unknown: false };
}
