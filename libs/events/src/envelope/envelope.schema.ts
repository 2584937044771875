import { z } from 'zod';
import { PRODUCERS } from '../producers';
import { isoTimestamp, traceToken } from '../primitives/wire-types';
import type { EventPayload, EventProducer, EventType, EventVersion, LatestVersion } from '../catalog/event-catalog';

/**
 * The one envelope every event travels in (ARCHITECTURE.md, "Messaging"). The payload is
 * checked separately against the schema of `type` at `version`.
 */
export const envelopeSchema = z.object({
  id: z.uuid({ version: 'v7' }),
  type: z.string().min(1).max(100),
  version: z.number().int().positive(),
  occurredAt: isoTimestamp,
  producer: z.enum(PRODUCERS),
  /** Follows one request from the HTTP edge through every event and log line. */
  correlationId: traceToken,
  /** Id of the event or request that caused this one; null for a first cause. */
  causationId: traceToken.nullable(),
  payload: z.unknown(),
});

export type RawEnvelope = z.output<typeof envelopeSchema>;

/** A validated event of type `T` at version `V` (the latest by default). */
export type EventEnvelope<T extends EventType = EventType, V extends EventVersion<T> = LatestVersion<T>> = T extends EventType
  ? {
      readonly id: string;
      readonly type: T;
      readonly version: V;
      readonly occurredAt: string;
      readonly producer: EventProducer<T>;
      readonly correlationId: string;
      readonly causationId: string | null;
      readonly payload: EventPayload<T, V>;
    }
  : never;

/** Any known event at any accepted version: narrow it with `type` (and `version`). */
export type AnyEventEnvelope = {
  [T in EventType]: { [V in EventVersion<T>]: EventEnvelope<T, V> }[EventVersion<T>];
}[EventType];
