import { Counter, Gauge, type Registry } from '@liqpass/observability';

export class ReconciliationMetrics {
  readonly mismatches: Counter<'chain_id' | 'kind'>;
  readonly lastRun: Gauge<'chain_id' | 'status'>;

  constructor(registry: Registry) {
    this.mismatches = new Counter({
      name: 'liqpass_reconciliation_mismatches_total',
      help: 'Differences reconciliation found, by kind',
      labelNames: ['chain_id', 'kind'],
      registers: [registry],
    });
    this.lastRun = new Gauge({
      name: 'liqpass_reconciliation_last_run_timestamp_seconds',
      help: 'When a reconciliation run last finished, by outcome',
      labelNames: ['chain_id', 'status'],
      registers: [registry],
    });
  }
}
