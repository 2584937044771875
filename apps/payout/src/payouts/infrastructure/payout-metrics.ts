import { Counter, Gauge, type Registry } from '@liqpass/observability';

/** The payout service's counters and the treasury alert gauges (floor and hot-balance ceiling). */
export class PayoutMetrics {
  readonly payouts: Counter<'outcome'>;
  readonly treasuryBalance: Gauge<'chain_id'>;
  readonly treasuryAlert: Gauge<'chain_id' | 'alert'>;

  constructor(registry: Registry) {
    this.payouts = new Counter({
      name: 'liqpass_payouts_total',
      help: 'Payouts by outcome: proposed, held, released, executed, flagged, reverted, nonce_consumed, reproposed',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.treasuryBalance = new Gauge({
      name: 'liqpass_treasury_balance_usdc',
      help: 'USDC held by the treasury Safe, in whole USDC (fractional)',
      labelNames: ['chain_id'],
      registers: [registry],
    });
    this.treasuryAlert = new Gauge({
      name: 'liqpass_treasury_alert',
      help: '1 while the treasury is below its floor (alert=below_floor) or above its hot-balance ceiling (alert=above_ceiling)',
      labelNames: ['chain_id', 'alert'],
      registers: [registry],
    });
  }
}
