import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@liqpass/events';
import type { ConsumerPolicy } from '../topology/consumer-policy';

/**
 * Handles one event inside the transaction that also records it in the inbox: write state
 * through `manager` (and append follow-up events with the OutboxWriter on the same manager).
 * Throw to retry later; throw a PermanentError to dead-letter at once.
 */
export type EventHandlerFn<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

export interface EventHandlerRegistration<T extends EventType = EventType> {
  readonly type: T;
  /** Durable `<consumer>--<event>`; the service name unless one service has two handlers of a type. */
  readonly consumer: string;
  readonly handle: EventHandlerFn<T>;
  readonly policy: ConsumerPolicy;
}

/** A registration for any one event type (a list may mix types). */
export type AnyEventHandlerRegistration = { [T in EventType]: EventHandlerRegistration<T> }[EventType];

/** The minimum of a JetStream message the inbox needs (a JsMsg satisfies it). */
export interface DeliveredMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers?: { get(key: string): string } | undefined;
  readonly info: { readonly stream: string; readonly streamSequence: number; readonly deliveryCount: number };
  ack(): void;
  nak(millis?: number): void;
  term(): void;
}

export type DeliveryOutcome = 'handled' | 'duplicate' | 'retry' | 'dead-lettered';
