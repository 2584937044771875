import { Counter, type Registry } from '@liqpass/observability';

type Labels<K extends string> = Counter<K>;

/**
 * The four numbers an operator watches on the event backbone. Registered on the host's
 * registry when it passes one (so /metrics shows them); kept private otherwise.
 */
export class MessagingMetrics {
  readonly published: Labels<'event'>;
  readonly consumed: Labels<'consumer' | 'event'>;
  readonly duplicates: Labels<'consumer' | 'event'>;
  readonly deadLettered: Labels<'consumer' | 'reason'>;
  readonly retried: Labels<'consumer' | 'event'>;

  constructor(registry?: Registry) {
    this.published = counter(registry, 'liqpass_messaging_published_total', 'Events the outbox relay published and JetStream acked', ['event']);
    this.consumed = counter(registry, 'liqpass_messaging_consumed_total', 'Events handled and committed by a consumer', ['consumer', 'event']);
    this.duplicates = counter(registry, 'liqpass_messaging_duplicates_total', 'Deliveries skipped because the inbox had already seen them', ['consumer', 'event']);
    this.deadLettered = counter(registry, 'liqpass_messaging_dead_lettered_total', 'Messages a consumer gave up on', ['consumer', 'reason']);
    this.retried = counter(registry, 'liqpass_messaging_retried_total', 'Deliveries nak-ed for a later retry', ['consumer', 'event']);
  }
}

function counter<K extends string>(registry: Registry | undefined, name: string, help: string, labelNames: K[]): Counter<K> {
  // Two modules sharing a registry (tests, several runtimes) must share the counter, not clash.
  const existing = registry?.getSingleMetric(name);
  if (existing) return existing as Counter<K>;
  return new Counter({ name, help, labelNames, registers: registry ? [registry] : [] });
}
