import { DEFAULT_SUBJECT_PREFIX, eventKebab, type EventType, type Producer, assertSubjectPrefix } from '@liqpass/events';

/** `liqpass` + `payment-listener` → `LIQPASS_PAYMENT_LISTENER`: one stream per producing service. */
export function streamName(producer: Producer, prefix: string = DEFAULT_SUBJECT_PREFIX): string {
  return `${assertSubjectPrefix(prefix)}_${producer}`.toUpperCase().replace(/-/g, '_');
}

const CONSUMER = /^[a-z][a-z0-9-]{0,62}$/;

/** `<consumer>--<event>`: every replica of a consumer pulls from this one durable. */
export function durableName(consumer: string, type: EventType): string {
  if (!CONSUMER.test(consumer)) throw new Error(`consumer name must match ${CONSUMER}: "${consumer}"`);
  return `${consumer}--${eventKebab(type)}`;
}
