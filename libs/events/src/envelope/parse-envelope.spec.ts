import { describe, expect, it } from 'vitest';
import { samplePayload } from '../testing/sample-payloads';
import { createEvent } from './create-event';
import { parseEnvelope } from './parse-envelope';

const valid = () => createEvent('ClaimPaid', samplePayload('ClaimPaid'), { producer: 'claims-verifier', correlationId: 'c-1', causationId: 'c-0' });

describe('parseEnvelope', () => {
  it('round-trips an event through JSON text and bytes', () => {
    const event = valid();
    const fromText = parseEnvelope(JSON.stringify(event));
    const fromBytes = parseEnvelope(new TextEncoder().encode(JSON.stringify(event)));
    expect(fromText).toEqual({ ok: true, event });
    expect(fromBytes).toEqual({ ok: true, event });
    if (fromText.ok && fromText.event.type === 'ClaimPaid') expect(fromText.event.payload.multisigTxHash).toBe(event.payload.multisigTxHash);
  });

  it('reports malformed JSON without throwing', () => {
    const result = parseEnvelope('{"id": ');
    expect(result).toMatchObject({ ok: false, error: { code: 'MALFORMED_JSON' } });
    expect(parseEnvelope(new Uint8Array([0xff, 0xfe]))).toMatchObject({ ok: false, error: { code: 'MALFORMED_JSON' } });
  });

  it('refuses an envelope whose id is not a uuid v7, keeping the readable ids', () => {
    const result = parseEnvelope({ ...valid(), id: '3f1c8a52-7d3b-4c55-9a8e-2b6f0c1d4e5a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ENVELOPE', eventId: '3f1c8a52-7d3b-4c55-9a8e-2b6f0c1d4e5a', type: 'ClaimPaid' } });
    if (!result.ok) expect(result.error.issues[0].path).toBe('id');
  });

  it('refuses unknown types and versions, and a producer that does not own the event', () => {
    expect(parseEnvelope({ ...valid(), type: 'ClaimTeleported' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT_TYPE' } });
    expect(parseEnvelope({ ...valid(), version: 9 })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT_VERSION' } });
    expect(parseEnvelope({ ...valid(), producer: 'payout' })).toMatchObject({ ok: false, error: { code: 'PRODUCER_MISMATCH' } });
    expect(parseEnvelope({ ...valid(), producer: 'somebody' })).toMatchObject({ ok: false, error: { code: 'INVALID_ENVELOPE' } });
  });

  it('refuses an invalid payload with the path of each problem', () => {
    const event = valid();
    const result = parseEnvelope({ ...event, payload: { ...event.payload, payoutAmountUsdc: 5, multisigSafe: '0x12' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_PAYLOAD');
      expect(result.error.issues.map((issue) => issue.path).sort()).toEqual(['payload.multisigSafe', 'payload.payoutAmountUsdc']);
      expect(result.error.eventId).toBe(event.id);
    }
  });

  it('accepts fields added by a newer producer within the same version, and drops them', () => {
    const event = valid();
    const result = parseEnvelope({ ...event, payload: { ...event.payload, addedLater: 'x' } });
    expect(result).toEqual({ ok: true, event });
  });
});
