import { Inject, Injectable } from '@nestjs/common';
import { formatUnits } from 'ethers';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../config/payout-settings';
import { treasuryAlert } from '../domain/payout-limits';
import { PayoutMetrics } from '../infrastructure/payout-metrics';
import { PayoutRepository } from '../infrastructure/payout.repository';
import { SafeChain } from '../infrastructure/safe-chain';

/** The treasury as the payout service sees it: balance, limits and alerts (amounts as base-unit strings). */
export interface TreasuryStatus {
  readonly chainId: number;
  readonly safeAddress: string;
  readonly token: string;
  readonly balanceUsdc: string;
  /** Proposed or executing payouts not yet paid out of the treasury. */
  readonly pendingPayoutsUsdc: string;
  readonly floorUsdc: string;
  readonly hotBalanceCeilingUsdc: string;
  /** `TREASURY_BELOW_FLOOR` and/or `TREASURY_ABOVE_CEILING`, each with the figures that raised it. */
  readonly alerts: readonly { readonly kind: 'TREASURY_BELOW_FLOOR' | 'TREASURY_ABOVE_CEILING'; readonly detail: string }[];
  readonly checkedAt: string;
}

/**
 * Reads the treasury's USDC balance, publishes it and its floor/ceiling alerts as metrics, and
 * answers `treasury.status` (which GET /admin/reconciliation includes) from the same reading.
 */
@Injectable()
export class TreasuryMonitor {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly chain: SafeChain,
    private readonly payouts: PayoutRepository,
    private readonly metrics: PayoutMetrics,
  ) {}

  async refresh(): Promise<TreasuryStatus> {
    const [balance, totals] = await Promise.all([this.chain.treasuryBalance(), this.payouts.committedTotals()]);
    const { chain, limits, hotBalanceCeiling } = this.settings;
    const chainId = String(chain.chainId);
    const alert = treasuryAlert(balance, limits.treasuryFloor, hotBalanceCeiling);
    this.metrics.treasuryBalance.set({ chain_id: chainId }, Number(formatUnits(balance, 6)));
    this.metrics.treasuryAlert.set({ chain_id: chainId, alert: 'below_floor' }, alert === 'BELOW_FLOOR' ? 1 : 0);
    this.metrics.treasuryAlert.set({ chain_id: chainId, alert: 'above_ceiling' }, alert === 'ABOVE_CEILING' ? 1 : 0);
    const alerts: TreasuryStatus['alerts'] =
      alert === 'BELOW_FLOOR'
        ? [{ kind: 'TREASURY_BELOW_FLOOR', detail: `the treasury holds ${balance} base units, below its floor of ${limits.treasuryFloor}` }]
        : alert === 'ABOVE_CEILING'
          ? [{ kind: 'TREASURY_ABOVE_CEILING', detail: `the treasury holds ${balance} base units, above its hot-balance ceiling of ${hotBalanceCeiling}` }]
          : [];
    return {
      chainId: chain.chainId,
      safeAddress: chain.contracts.treasurySafe,
      token: chain.contracts.usdc,
      balanceUsdc: balance.toString(),
      pendingPayoutsUsdc: totals.pending.toString(),
      floorUsdc: limits.treasuryFloor.toString(),
      hotBalanceCeilingUsdc: hotBalanceCeiling.toString(),
      alerts,
      checkedAt: new Date().toISOString(),
    };
  }
}
