import { describe, expect, it } from 'vitest';
import { readServiceReply } from './service-reply';

describe('readServiceReply', () => {
  it('returns the data of a successful reply', () => {
    expect(readServiceReply('policy', { ok: true, data: { id: 1 } })).toEqual({ ok: true, data: { id: 1 } });
    expect(readServiceReply('policy', { ok: true })).toEqual({ ok: true, data: null });
  });

  it('passes on a refusal with a reason code and a fitting status, message included', () => {
    const outcome = readServiceReply('policy', { ok: false, error: { code: 'PURCHASE_ORDER_NOT_FOUND', message: 'no such order', status: 404 } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect([outcome.error.code, outcome.error.status, outcome.error.message]).toEqual(['PURCHASE_ORDER_NOT_FOUND', 404, 'no such order']);
  });

  it.each([
    [{ ok: false, error: { code: 'INTERNAL', message: 'internal error', status: 500 } }],
    [{ ok: false, error: { code: 'FORBIDDEN', message: 'x', status: 500 } }],
    [{ ok: false, error: { code: 'SOMETHING_NEW', message: 'stack at x.ts:1', status: 400 } }],
    [{ ok: false, error: { code: 'FORBIDDEN', message: 'x', status: 200 } }],
    [{ ok: false }],
    [{ data: 1 }],
    ['garbage'],
    [null],
  ])('turns %j into 502 UPSTREAM_ERROR without its text', (reply) => {
    const outcome = readServiceReply('payout', reply);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect([outcome.error.code, outcome.error.status, outcome.error.message]).toEqual([
      'UPSTREAM_ERROR',
      502,
      'the payout service failed to handle the request',
    ]);
  });

  it('cuts a long service message and replaces an empty one with the code', () => {
    const long = readServiceReply('policy', { ok: false, error: { code: 'QUOTE_EXPIRED', message: 'x'.repeat(5000), status: 409 } });
    const empty = readServiceReply('policy', { ok: false, error: { code: 'QUOTE_EXPIRED', message: '  ', status: 409 } });
    expect(!long.ok && long.error.message.length).toBe(500);
    expect(!empty.ok && empty.error.message).toBe('QUOTE_EXPIRED');
  });
});
