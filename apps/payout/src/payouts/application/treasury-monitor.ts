import { Inject, Injectable } from '@nestjs/common';
import { formatUnits } from 'ethers';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../config/payout-settings';
import { treasuryAlert } from '../domain/payout-limits';
import { PayoutMetrics } from '../infrastructure/payout-metrics';
import { SafeChain } from '../infrastructure/safe-chain';

/** Publishes the treasury balance and its floor/ceiling alerts as metrics. */
@Injectable()
export class TreasuryMonitor {
  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    private readonly chain: SafeChain,
    private readonly metrics: PayoutMetrics,
  ) {}

  async refresh(): Promise<void> {
    const balance = await this.chain.treasuryBalance();
    const chainId = String(this.settings.chain.chainId);
    const alert = treasuryAlert(balance, this.settings.limits.treasuryFloor, this.settings.hotBalanceCeiling);
    this.metrics.treasuryBalance.set({ chain_id: chainId }, Number(formatUnits(balance, 6)));
    this.metrics.treasuryAlert.set({ chain_id: chainId, alert: 'below_floor' }, alert === 'BELOW_FLOOR' ? 1 : 0);
    this.metrics.treasuryAlert.set({ chain_id: chainId, alert: 'above_ceiling' }, alert === 'ABOVE_CEILING' ? 1 : 0);
  }
}
