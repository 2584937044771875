import { Counter, type Registry } from '@liqpass/observability';

/** What ops and the fraud review count: OKX traffic, links, bindings and every refusal by reason. */
export class OkxBindingMetrics {
  readonly okxResponses: Counter<'path' | 'status'>;
  readonly linkRefusals: Counter<'reason'>;
  readonly accountsLinked: Counter;
  readonly bindingRefusals: Counter<'reason'>;
  readonly bindings: Counter;

  constructor(registry: Registry) {
    this.okxResponses = new Counter({
      name: 'liqpass_okx_responses_total',
      help: 'OKX responses received, by endpoint path and HTTP status (every attempt)',
      labelNames: ['path', 'status'],
      registers: [registry],
    });
    this.linkRefusals = new Counter({
      name: 'liqpass_okx_link_refusals_total',
      help: 'OKX keys refused at linking, by reason code',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.accountsLinked = new Counter({ name: 'liqpass_okx_accounts_linked_total', help: 'OKX keys linked (or linked again)', registers: [registry] });
    this.bindingRefusals = new Counter({
      name: 'liqpass_okx_binding_refusals_total',
      help: 'Bindings refused, by reason code',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.bindings = new Counter({ name: 'liqpass_okx_bindings_total', help: 'OKX orders bound to purchase orders', registers: [registry] });
  }
}
