import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_CATALOG, EVENT_TYPES, type EventPayload } from '../catalog/event-catalog';
import { samplePayload } from '../testing/sample-payloads';
import { causedBy, createEvent } from './create-event';
import { EventValidationError } from './envelope-error';
import type { EventEnvelope } from './envelope.schema';

const CORRELATION = 'corr-1';

describe('createEvent', () => {
  it('builds a valid envelope for every event in the catalog', () => {
    for (const type of EVENT_TYPES) {
      const event = createEvent(type, samplePayload(type), { producer: EVENT_CATALOG[type].producer, correlationId: CORRELATION });
      expect(event).toMatchObject({ type, version: 1, producer: EVENT_CATALOG[type].producer, correlationId: CORRELATION, causationId: null });
      expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Date.parse(event.occurredAt)).not.toBeNaN();
      expect(event.payload).toEqual(samplePayload(type));
    }
  });

  it('types the payload by event', () => {
    const event = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: CORRELATION });
    expectTypeOf(event).toEqualTypeOf<EventEnvelope<'PremiumPaid'>>();
    expectTypeOf(event.payload.premiumAmountUsdc).toEqualTypeOf<string>();
    expectTypeOf<EventPayload<'ClaimRejected'>['reasonCode']>().toExtend<string>();
  });

  it('refuses an amount that is not a base-unit string, naming the field', () => {
    const payload = { ...samplePayload('PremiumPaid'), premiumAmountUsdc: '12.5' };
    const attempt = () => createEvent('PremiumPaid', payload, { producer: 'payment-listener', correlationId: CORRELATION });
    expect(attempt).toThrow(EventValidationError);
    expect(attempt).toThrow(/payload\.premiumAmountUsdc/);
    try {
      attempt();
    } catch (error) {
      expect((error as EventValidationError).code).toBe('INVALID_PAYLOAD');
    }
  });

  it('refuses a missing field and an unknown reason code', () => {
    const { claimId: _omitted, ...withoutId } = samplePayload('ClaimFailed');
    expect(() => createEvent('ClaimFailed', withoutId as never, { producer: 'claims-verifier', correlationId: CORRELATION })).toThrow(/payload\.claimId/);
    const badReason = { ...samplePayload('ClaimFailed'), reasonCode: 'NOPE' };
    expect(() => createEvent('ClaimFailed', badReason as never, { producer: 'claims-verifier', correlationId: CORRELATION })).toThrow(/reasonCode/);
  });

  it('refuses a service publishing another service’s event', () => {
    expect(() => createEvent('PolicyCreated', samplePayload('PolicyCreated'), { producer: 'payout', correlationId: CORRELATION })).toThrow(
      expect.objectContaining({ code: 'PRODUCER_MISMATCH' }),
    );
  });

  it('refuses a correlation id that could not travel in a header', () => {
    expect(() => createEvent('PolicyExpired', samplePayload('PolicyExpired'), { producer: 'policy', correlationId: 'bad id\n' })).toThrow(/correlationId/);
  });

  it('chains causation from the causing event', () => {
    const cause = createEvent('ClaimApproved', samplePayload('ClaimApproved'), { producer: 'claims-verifier', correlationId: CORRELATION });
    const effect = createEvent('PayoutProposed', samplePayload('PayoutProposed'), { producer: 'payout', ...causedBy(cause) });
    expect(effect.correlationId).toBe(CORRELATION);
    expect(effect.causationId).toBe(cause.id);
  });
});
