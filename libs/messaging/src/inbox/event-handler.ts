import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventType } from '@liqpass/events';
import type { ConsumerPolicy } from '../topology/consumer-policy';

/**
 * Handles one event inside the transaction that also records it in the inbox: write state
 * through `manager` (and append follow-up events with the OutboxWriter on the same manager).
 * Throw to retry later; throw a PermanentError to dead-letter at once.
 */
export type EventHandlerFn<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;

/**
 * Writes a staged handler's outcome: opens the transaction, records the event in the inbox and
 * runs `write` in it. Resolves false, without running `write`, when another delivery of the
 * same event got there first. Call it at most once.
 */
export type InboxCommit = ((write: (manager: EntityManager) => Promise<void>) => Promise<boolean>) & {
  /**
   * The same, in one statement of the handler's own and no BEGIN/COMMIT round trips: `write`
   * gets the inbox row as a CTE to lead its statement with, must guard every change it makes
   * on `inbox.recorded`, and resolves whether the statement recorded the row (select it from
   * `inbox_row`). Call one of the two, once.
   */
  readonly inOneStatement: (write: (manager: EntityManager, inbox: InboxRowCte) => Promise<boolean>) => Promise<boolean>;
};

/**
 * The inbox row of the event being handled as a CTE named `inbox_row`: `with` inserts it (nothing
 * when another delivery recorded the event first), `params` are its parameters — $1 to $3, so the
 * statement numbers its own from $4 — and `recorded` is the SQL condition "this statement
 * recorded it" that every write of the statement must be guarded by.
 */
export interface InboxRowCte {
  readonly with: string;
  readonly params: readonly unknown[];
  readonly recorded: string;
}

/**
 * A handler that must wait on something slow (another service, OKX) before it writes: it does
 * that work outside any transaction — holding a pooled connection and row locks for the length
 * of a remote call is what caps throughput — and then writes through `commit`, which records
 * the inbox row in the same transaction. A handler that returns without calling `commit` has
 * nothing to write; the event is recorded as seen all the same. JetStream is told the message
 * is in progress while it runs, so a slow handler is not redelivered as a hung one.
 */
export type StagedEventHandlerFn<T extends EventType> = (event: EventEnvelope<T>, commit: InboxCommit) => Promise<void>;

interface RegistrationBase<T extends EventType> {
  readonly type: T;
  /** Durable `<consumer>--<event>`; the service name unless one service has two handlers of a type. */
  readonly consumer: string;
  readonly policy: ConsumerPolicy;
}

export type EventHandlerRegistration<T extends EventType = EventType> =
  | (RegistrationBase<T> & { readonly staged?: false; readonly handle: EventHandlerFn<T> })
  | (RegistrationBase<T> & {
      readonly staged: true;
      readonly handle: StagedEventHandlerFn<T>;
      /**
       * Look the event up in the inbox before the slow work (the default), so a redelivery of an
       * event already handled does not repeat it. A handler whose slow work starts behind its own
       * state guard — a duplicate finds nothing to do — may turn it off to save the round trip;
       * `commit` still records the event exactly once.
       */
      readonly checkSeen?: boolean;
    });

/** A registration for any one event type (a list may mix types). */
export type AnyEventHandlerRegistration = { [T in EventType]: EventHandlerRegistration<T> }[EventType];

/** The minimum of a JetStream message the inbox needs (a JsMsg satisfies it). */
export interface DeliveredMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers?: { get(key: string): string } | undefined;
  readonly info: { readonly stream: string; readonly streamSequence: number; readonly deliveryCount: number };
  ack(): void;
  /** Resets JetStream's ack wait: the handler is still at work. */
  working(): void;
  nak(millis?: number): void;
  term(): void;
}

export type DeliveryOutcome = 'handled' | 'duplicate' | 'retry' | 'dead-lettered';
