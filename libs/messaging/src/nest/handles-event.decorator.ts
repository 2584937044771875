import type { EventType } from '@liqpass/events';
import type { EventHandlerFn, StagedEventHandlerFn } from '../inbox/event-handler';
import type { ConsumerPolicy } from '../topology/consumer-policy';

export const HANDLES_EVENT_METADATA = 'liqpass:handles-event';

export interface HandlesEventOptions {
  /** Durable name part before `--`; the service name by default. */
  readonly consumer?: string;
  readonly policy?: Partial<ConsumerPolicy>;
  /** A staged handler (slow work outside the transaction, then `commit`): see StagedEventHandlerFn. */
  readonly staged?: boolean;
  /** Staged only: false skips the inbox look-up before the slow work (see EventHandlerRegistration). */
  readonly checkSeen?: boolean;
}

export interface HandlesEventMetadata {
  readonly type: EventType;
  readonly options: HandlesEventOptions;
}

/**
 * Marks a provider method as the handler of one event type. The method gets the validated
 * event and the EntityManager of the transaction that also records the inbox row:
 *
 *   @HandlesEvent('PremiumPaid')
 *   async onPremiumPaid(event: EventEnvelope<'PremiumPaid'>, manager: EntityManager) { ... }
 *
 * With `{ staged: true }` the method gets the event and an InboxCommit instead, for work that
 * must wait on another service before it writes:
 *
 *   @HandlesEvent('ClaimRequested', { staged: true })
 *   async onRequested(event: EventEnvelope<'ClaimRequested'>, commit: InboxCommit) { ... }
 */
export function HandlesEvent<T extends EventType>(type: T, options: HandlesEventOptions & { staged: true }): <M extends StagedEventHandlerFn<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => void;
export function HandlesEvent<T extends EventType>(type: T, options?: HandlesEventOptions & { staged?: false }): <M extends EventHandlerFn<T>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => void;
export function HandlesEvent<T extends EventType>(type: T, options: HandlesEventOptions = {}) {
  return <M extends EventHandlerFn<T> | StagedEventHandlerFn<T>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const method = descriptor.value;
    if (typeof method !== 'function') throw new Error(`@HandlesEvent('${type}') must decorate a method`);
    const existing = (Reflect.getMetadata(HANDLES_EVENT_METADATA, method) as HandlesEventMetadata[] | undefined) ?? [];
    Reflect.defineMetadata(HANDLES_EVENT_METADATA, [...existing, { type, options }], method);
  };
}
