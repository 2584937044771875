import { formatUsdc } from '../money/usdc';
import { refuse, type PricingResult } from './pricing-refusal';

/**
 * Open exposure against the treasury (PRODUCT.md §5): the caps of every policy that can still
 * pay out, per instrument and in total, must stay within a share of the capital.
 */
export interface CapacityCheck {
  readonly instId: string;
  /** The new policy's payout cap. */
  readonly payoutCapUsdc: bigint;
  /** Sum of payout caps of open policies on this instrument / on all instruments. */
  readonly instrumentExposureUsdc: bigint;
  readonly totalExposureUsdc: bigint;
  /** Treasury balance plus any configured committed capital. */
  readonly capitalUsdc: bigint;
  readonly instrumentLimitBps: number;
  readonly totalLimitBps: number;
}

export function checkCapacity(check: CapacityCheck): PricingResult<{ instrumentLimitUsdc: bigint; totalLimitUsdc: bigint }> {
  const instrumentLimitUsdc = (check.capitalUsdc * BigInt(check.instrumentLimitBps)) / 10_000n;
  const totalLimitUsdc = (check.capitalUsdc * BigInt(check.totalLimitBps)) / 10_000n;
  if (check.instrumentExposureUsdc + check.payoutCapUsdc > instrumentLimitUsdc) {
    return refuse(
      'CAPACITY_EXCEEDED',
      'INSTRUMENT_CAPACITY',
      `open exposure on ${check.instId} would reach ${formatUsdc(check.instrumentExposureUsdc + check.payoutCapUsdc)} USDC, over its limit of ${formatUsdc(instrumentLimitUsdc)} USDC`,
    );
  }
  if (check.totalExposureUsdc + check.payoutCapUsdc > totalLimitUsdc) {
    return refuse(
      'CAPACITY_EXCEEDED',
      'TOTAL_CAPACITY',
      `total open exposure would reach ${formatUsdc(check.totalExposureUsdc + check.payoutCapUsdc)} USDC, over the limit of ${formatUsdc(totalLimitUsdc)} USDC`,
    );
  }
  return { ok: true, value: { instrumentLimitUsdc, totalLimitUsdc } };
}
