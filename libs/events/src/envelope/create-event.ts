import { uuidv7 } from 'uuidv7';
import { EVENT_CATALOG, type EventPayload, type EventType, type LatestVersion } from '../catalog/event-catalog';
import type { Producer } from '../producers';
import type { EventEnvelope } from './envelope.schema';
import { EventValidationError } from './envelope-error';
import { validateEnvelope } from './validate-envelope';

export interface CreateEventOptions {
  /** The publishing service; must be the event's producer in the catalog. */
  readonly producer: Producer;
  readonly correlationId: string;
  /** Id of the event or request that caused this one (null or omitted for a first cause). */
  readonly causationId?: string | null;
  /** Override only to replay a known event; a fresh uuid v7 otherwise. */
  readonly id?: string;
  readonly occurredAt?: Date;
}

/**
 * Builds the envelope of a new event at its latest version and validates it: an event that
 * would be refused on consume is refused here, before it can reach an outbox.
 */
export function createEvent<T extends EventType>(type: T, payload: EventPayload<T>, options: CreateEventOptions): EventEnvelope<T> {
  const candidate = {
    id: options.id ?? uuidv7(),
    type,
    version: EVENT_CATALOG[type].latest,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: options.producer,
    correlationId: options.correlationId,
    causationId: options.causationId ?? null,
    payload,
  };
  return assertValidEvent<T>(candidate);
}

/** Validates a whole envelope of type `T` at its latest version, or throws an EventValidationError. */
export function assertValidEvent<T extends EventType>(candidate: unknown): EventEnvelope<T> {
  const result = validateEnvelope(candidate);
  if (!result.ok) throw new EventValidationError(result.error);
  return result.event as unknown as EventEnvelope<T, LatestVersion<T>>;
}

/** Correlation and causation for an event caused by another one: same story, new link. */
export function causedBy(cause: { readonly id: string; readonly correlationId: string }): Pick<CreateEventOptions, 'correlationId' | 'causationId'> {
  return { correlationId: cause.correlationId, causationId: cause.id };
}
