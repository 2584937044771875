import { Counter, Gauge, Histogram, type Registry } from '@liqpass/observability';

/** Prometheus metrics of the chain listener, labelled by chain. */
export class ListenerMetrics {
  readonly headBlock: Gauge<'chain_id'>;
  readonly cursorBlock: Gauge<'chain_id'>;
  readonly blocksBehind: Gauge<'chain_id'>;
  readonly eventsEmitted: Counter<'chain_id' | 'event'>;
  readonly reorgs: Counter<'chain_id'>;
  readonly halted: Gauge<'chain_id'>;
  readonly leaseHeld: Gauge<'chain_id'>;
  readonly rangeSplits: Counter<'chain_id'>;
  readonly orderConflicts: Counter<'chain_id'>;
  readonly tickErrors: Counter<'chain_id'>;
  readonly tickSeconds: Histogram<'chain_id'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.headBlock = new Gauge({ name: 'liqpass_listener_head_block', help: 'Latest block number the RPC reported', labelNames: ['chain_id'], registers });
    this.cursorBlock = new Gauge({ name: 'liqpass_listener_cursor_block', help: 'Last block fully processed', labelNames: ['chain_id'], registers });
    this.blocksBehind = new Gauge({ name: 'liqpass_listener_blocks_behind', help: 'Head minus the cursor (confirmations included)', labelNames: ['chain_id'], registers });
    this.eventsEmitted = new Counter({
      name: 'liqpass_listener_events_published_total',
      help: 'Events the listener committed to its outbox (the relay publishes them: liqpass_messaging_published_total)',
      labelNames: ['chain_id', 'event'],
      registers,
    });
    this.reorgs = new Counter({ name: 'liqpass_listener_reorgs_total', help: 'Reorgs detected at the cursor by hash comparison', labelNames: ['chain_id'], registers });
    this.halted = new Gauge({
      name: 'liqpass_listener_halted',
      help: '1 while the listener is stopped for an operator (reorg deeper than its window, RPC on the wrong chain)',
      labelNames: ['chain_id'],
      registers,
    });
    this.leaseHeld = new Gauge({ name: 'liqpass_listener_lease_held', help: '1 while this instance holds the chain lease', labelNames: ['chain_id'], registers });
    this.rangeSplits = new Counter({ name: 'liqpass_listener_getlogs_splits_total', help: 'eth_getLogs ranges split after a provider refused them', labelNames: ['chain_id'], registers });
    this.orderConflicts = new Counter({
      name: 'liqpass_listener_order_conflicts_total',
      help: 'PremiumPaid logs not counted because their order id was already paid (e.g. on an older checkout)',
      labelNames: ['chain_id'],
      registers,
    });
    this.tickErrors = new Counter({ name: 'liqpass_listener_tick_errors_total', help: 'Ticks that failed and were retried', labelNames: ['chain_id'], registers });
    this.tickSeconds = new Histogram({
      name: 'liqpass_listener_tick_seconds',
      help: 'Duration of one listener tick (read, verify, commit)',
      labelNames: ['chain_id'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
  }
}
