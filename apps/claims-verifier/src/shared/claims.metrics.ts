import { Counter, Histogram, type Registry } from 'prom-client';

/** Every claim outcome, refusal and fraud signal is counted (PRODUCT.md §5: a counter per control). */
export class ClaimsMetrics {
  readonly outcomes: Counter<'status' | 'reason'>;
  readonly refusals: Counter<'reason'>;
  readonly fraudSignals: Counter<'signal'>;
  readonly verifySeconds: Histogram<'status'>;

  constructor(registry: Registry) {
    this.outcomes = new Counter({ name: 'liqpass_claims_decided_total', help: 'Claims leaving VERIFYING, by status and reason code', labelNames: ['status', 'reason'], registers: [registry] });
    this.refusals = new Counter({ name: 'liqpass_claim_refusals_total', help: 'Claims refused at opening, by reason code', labelNames: ['reason'], registers: [registry] });
    this.fraudSignals = new Counter({ name: 'liqpass_claim_fraud_signals_total', help: 'Fraud signals raised for reviewers, by signal', labelNames: ['signal'], registers: [registry] });
    this.verifySeconds = new Histogram({ name: 'liqpass_claim_verify_seconds', help: 'Time from ClaimRequested to a decision', labelNames: ['status'], buckets: [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30], registers: [registry] });
  }
}
