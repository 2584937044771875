import { Counter, type Registry } from '@liqpass/observability';

/** The policy service's counters (PRODUCT.md §5: every refusal rule has a counter). */
export class PolicyMetrics {
  readonly quotes: Counter<'outcome'>;
  readonly quoteRefusals: Counter<'code' | 'rule'>;
  readonly transitions: Counter<'from' | 'to'>;
  readonly paymentMismatches: Counter;
  readonly ignoredEvents: Counter<'event' | 'reason'>;

  constructor(registry: Registry) {
    this.quotes = new Counter({ name: 'liqpass_policy_quotes_total', help: 'Quotes asked for, by outcome', labelNames: ['outcome'], registers: [registry] });
    this.quoteRefusals = new Counter({ name: 'liqpass_policy_quote_refusals_total', help: 'Quotes refused, by reason code and rule', labelNames: ['code', 'rule'], registers: [registry] });
    this.transitions = new Counter({ name: 'liqpass_policy_transitions_total', help: 'Purchase-order status changes', labelNames: ['from', 'to'], registers: [registry] });
    this.paymentMismatches = new Counter({ name: 'liqpass_policy_payment_mismatches_total', help: 'PremiumPaid that did not match its order', registers: [registry] });
    this.ignoredEvents = new Counter({ name: 'liqpass_policy_ignored_events_total', help: 'Events that changed nothing', labelNames: ['event', 'reason'], registers: [registry] });
  }
}
