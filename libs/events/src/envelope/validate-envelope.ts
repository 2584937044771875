import { EVENT_CATALOG, isEventType, payloadSchema } from '../catalog/event-catalog';
import { type AnyEventEnvelope, envelopeSchema } from './envelope.schema';
import { describeIssues, type EnvelopeError, toIssues } from './envelope-error';

export type EnvelopeResult = { readonly ok: true; readonly event: AnyEventEnvelope } | { readonly ok: false; readonly error: EnvelopeError };

/**
 * Validates an already-decoded value as an envelope of a known event: envelope fields, then
 * type, version and producer against the catalog, then the payload against its schema.
 * Unknown payload fields are dropped (a newer producer may add fields within a version).
 */
export function validateEnvelope(value: unknown): EnvelopeResult {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issues = toIssues(envelope.error);
    return fail({ code: 'INVALID_ENVELOPE', message: `invalid event envelope: ${describeIssues(issues)}`, issues, ...readableIds(value) });
  }
  const { id: eventId, type, version, producer } = envelope.data;
  if (!isEventType(type)) {
    return fail({ code: 'UNKNOWN_EVENT_TYPE', message: `unknown event type "${type}"`, issues: [{ path: 'type', message: 'not in the event catalog' }], eventId, type });
  }
  const schema = payloadSchema(type, version);
  if (!schema) {
    const message = `${type} has no version ${version}`;
    return fail({ code: 'UNKNOWN_EVENT_VERSION', message, issues: [{ path: 'version', message }], eventId, type });
  }
  const expectedProducer = EVENT_CATALOG[type].producer;
  if (producer !== expectedProducer) {
    const message = `${type} is published by ${expectedProducer}, not ${producer}`;
    return fail({ code: 'PRODUCER_MISMATCH', message, issues: [{ path: 'producer', message }], eventId, type });
  }
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    const issues = toIssues(payload.error, 'payload');
    return fail({ code: 'INVALID_PAYLOAD', message: `invalid ${type} v${version} payload: ${describeIssues(issues)}`, issues, eventId, type });
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } as AnyEventEnvelope };
}

function fail(error: EnvelopeError): EnvelopeResult {
  return { ok: false, error };
}

/** Best-effort id and type from a value that failed envelope validation, for dead-letter rows. */
function readableIds(value: unknown): { eventId?: string; type?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const { id, type } = value as Record<string, unknown>;
  return {
    ...(typeof id === 'string' && id.length <= 100 ? { eventId: id } : {}),
    ...(typeof type === 'string' && type.length <= 100 ? { type } : {}),
  };
}
