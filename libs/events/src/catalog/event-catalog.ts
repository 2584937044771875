import type { z } from 'zod';
import type { Producer } from '../producers';
import { claimApprovedV1, claimFailedV1, claimPaidV1, claimRejectedV1, claimRequestedV1, claimVerifiedV1 } from '../payloads/claims-verifier.payloads';
import { okxOrderBoundV1 } from '../payloads/okx-binding.payloads';
import { premiumPaidV1, premiumPaymentRevertedV1, reconciliationMismatchV1 } from '../payloads/payment-listener.payloads';
import { payoutExecutedV1, payoutProposedV1 } from '../payloads/payout.payloads';
import { policyActivatedV1, policyCreatedV1, policyExpiredV1 } from '../payloads/policy.payloads';

interface EventDefinition {
  readonly producer: Producer;
  /** The version producers publish today. */
  readonly latest: number;
  /** Every version still accepted on consume; a breaking change adds a key, never edits one. */
  readonly versions: Readonly<Record<number, z.ZodType>>;
}

/**
 * The one map of every event: who publishes it and the payload schema of each version.
 * PRODUCT.md §8 lists the events; ARCHITECTURE.md's service table names the producers.
 * `ClaimRequested` is published by the claims verifier in the same transaction that opens the
 * claim (the claim row is its state), and `PremiumPaymentReverted` comes from the architecture
 * table and CHAIN.md's reorg handling.
 */
export const EVENT_CATALOG = {
  PolicyCreated: { producer: 'policy', latest: 1, versions: { 1: policyCreatedV1 } },
  OkxOrderBound: { producer: 'okx-binding', latest: 1, versions: { 1: okxOrderBoundV1 } },
  PremiumPaid: { producer: 'payment-listener', latest: 1, versions: { 1: premiumPaidV1 } },
  PremiumPaymentReverted: { producer: 'payment-listener', latest: 1, versions: { 1: premiumPaymentRevertedV1 } },
  PolicyActivated: { producer: 'policy', latest: 1, versions: { 1: policyActivatedV1 } },
  ClaimRequested: { producer: 'claims-verifier', latest: 1, versions: { 1: claimRequestedV1 } },
  ClaimVerified: { producer: 'claims-verifier', latest: 1, versions: { 1: claimVerifiedV1 } },
  ClaimRejected: { producer: 'claims-verifier', latest: 1, versions: { 1: claimRejectedV1 } },
  ClaimFailed: { producer: 'claims-verifier', latest: 1, versions: { 1: claimFailedV1 } },
  ClaimApproved: { producer: 'claims-verifier', latest: 1, versions: { 1: claimApprovedV1 } },
  PayoutProposed: { producer: 'payout', latest: 1, versions: { 1: payoutProposedV1 } },
  PayoutExecuted: { producer: 'payout', latest: 1, versions: { 1: payoutExecutedV1 } },
  ClaimPaid: { producer: 'claims-verifier', latest: 1, versions: { 1: claimPaidV1 } },
  PolicyExpired: { producer: 'policy', latest: 1, versions: { 1: policyExpiredV1 } },
  ReconciliationMismatch: { producer: 'payment-listener', latest: 1, versions: { 1: reconciliationMismatchV1 } },
} as const satisfies Record<string, EventDefinition>;

type Catalog = typeof EVENT_CATALOG;

export type EventType = keyof Catalog;

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

export type EventProducer<T extends EventType> = Catalog[T]['producer'];

/** Versions accepted for an event type. */
export type EventVersion<T extends EventType> = keyof Catalog[T]['versions'] & number;

export type LatestVersion<T extends EventType> = Catalog[T]['latest'];

type PayloadSchema<T extends EventType, V> = V extends keyof Catalog[T]['versions'] ? Catalog[T]['versions'][V] : never;

/** The payload of event `T` at version `V` (the latest by default). */
export type EventPayload<T extends EventType, V extends EventVersion<T> = LatestVersion<T>> =
  PayloadSchema<T, V> extends z.ZodType ? z.output<PayloadSchema<T, V>> : never;

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, value);
}

export function eventProducer<T extends EventType>(type: T): EventProducer<T> {
  return EVENT_CATALOG[type].producer;
}

export function latestVersion<T extends EventType>(type: T): LatestVersion<T> {
  return EVENT_CATALOG[type].latest;
}

/** The payload schema for a type and version, or undefined when that version is unknown. */
export function payloadSchema(type: EventType, version: number): z.ZodType | undefined {
  const versions: Readonly<Record<number, z.ZodType>> = EVENT_CATALOG[type].versions;
  return Object.prototype.hasOwnProperty.call(versions, version) ? versions[version] : undefined;
}

/** The event types a producer publishes. */
export function eventsProducedBy(producer: Producer): EventType[] {
  return EVENT_TYPES.filter((type) => EVENT_CATALOG[type].producer === producer);
}
