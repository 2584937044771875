import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops whitespace (RFC 8785 §3.2.3 example)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers as ECMAScript does (RFC 8785 appendix B samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 1.0, 333333333.33333329, 4.5, 2e-3, 9007199254740992])).toBe('[1e+21,1e-7,0.000001,0,1,333333333.3333333,4.5,0.002,9007199254740992]');
  });

  it('refuses NaN and Infinity', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson([Infinity])).toThrow();
  });

  it('agrees with the canonicalize package on OKX-shaped documents', () => {
    const samples: unknown[] = [
      { code: '0', msg: '', data: [{ ordId: '1', category: 'full_liquidation', fillTime: '1732700000000', nested: { z: 1, a: [true, null, 'x\n"y"'] } }] },
      { name: 'orders-history', request: { method: 'GET', path: '/api/v5/trade/orders-history', query: { instType: 'SWAP', begin: '1' } }, status: 200, fetchedAt: '2025-01-01T00:00:00.000Z', body: 'plain text 502' },
      [],
      {},
      { b: undefined, a: 1 },
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(canonicalize(sample));
  });
});
