import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../reason-codes';
import { EVENT_CATALOG, EVENT_TYPES, eventProducer, eventsProducedBy, payloadSchema } from './event-catalog';

/** PRODUCT.md §8. */
const PRODUCT_EVENTS = [
  'PolicyCreated', 'OkxOrderBound', 'PremiumPaid', 'PolicyActivated', 'ClaimRequested', 'ClaimVerified', 'ClaimRejected',
  'ClaimFailed', 'ClaimApproved', 'PayoutProposed', 'PayoutExecuted', 'ClaimPaid', 'PolicyExpired', 'ReconciliationMismatch',
];

describe('event catalog', () => {
  it('has every event of PRODUCT.md §8 at version 1', () => {
    for (const type of PRODUCT_EVENTS) {
      expect(EVENT_TYPES, type).toContain(type);
      expect(payloadSchema(type as never, 1), type).toBeDefined();
    }
    for (const type of EVENT_TYPES) expect(EVENT_CATALOG[type].latest).toBe(1);
  });

  it('names the producers of the architecture table', () => {
    expect(eventsProducedBy('policy').sort()).toEqual(['PolicyActivated', 'PolicyCreated', 'PolicyExpired']);
    expect(eventsProducedBy('okx-binding')).toEqual(['OkxOrderBound']);
    expect(eventsProducedBy('payment-listener').sort()).toEqual(['PremiumPaid', 'PremiumPaymentReverted', 'ReconciliationMismatch']);
    expect(eventsProducedBy('payout').sort()).toEqual(['PayoutExecuted', 'PayoutProposed']);
    expect(eventProducer('ClaimPaid')).toBe('claims-verifier');
  });

  it('answers undefined for a version that does not exist', () => {
    expect(payloadSchema('PremiumPaid', 2)).toBeUndefined();
  });

  it('exports the 25 reason codes of PRODUCT.md §5 first, then the extensions, each once', () => {
    expect(REASON_CODES.slice(0, 25)).toContain('OKX_KEY_NOT_READ_ONLY');
    expect(REASON_CODES[24]).toBe('VALIDATION_FAILED');
    expect(REASON_CODES).toContain('POSITION_ALREADY_INSURED');
    expect(REASON_CODES).toContain('RATE_LIMITED');
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });
});
