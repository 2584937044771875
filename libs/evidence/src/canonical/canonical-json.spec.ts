import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';

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
      { controls: '\u0000\u0007\u001f\u007f', quote: 'a"b\\c', unicode: 'Grüße €', astral: '\ud83d\ude00' },
      [undefined, 0, -0, 1.5e300, 'x'],
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(canonicalize(sample));
  });

  it('agrees with the canonicalize package on 300 random nested documents', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const keys = ['a', 'B', 'é', '\u20ac', '10', '2', '\ud83d\ude00', 'ordId', 'data', ''];
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 3 ? 5 : 8));
      if (pick === 0) return null;
      if (pick === 1) return random() < 0.5;
      if (pick === 2) return (random() - 0.5) * 10 ** Math.floor(random() * 30 - 10);
      if (pick === 3) return `s${Math.floor(random() * 1e6)}\n"${keys[Math.floor(random() * keys.length)]}"`;
      if (pick === 4) return undefined;
      if (pick === 5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [keys[Math.floor(random() * keys.length)], value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const sample = { body: value(0), list: [value(1), undefined, value(1)] };
      expect(canonicalJson(sample)).toBe(canonicalize(sample));
    }
  });

  it('writes documents larger than its buffer, and the bytes are the string’s UTF-8', () => {
    const big = { data: Array.from({ length: 2000 }, (_, i) => ({ ordId: String(i), note: `é€😀 ${i}`, px: i / 7 })) };
    const text = canonicalJson(big);
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(text).toBe(canonicalize(big));
    expect(Buffer.compare(canonicalJsonBytes(big), Buffer.from(text, 'utf8'))).toBe(0);
  });

  it('escapes a lone surrogate as \\uXXXX, as JSON.stringify does (the canonicalize package refuses one)', () => {
    expect(canonicalJson({ lone: '\ud800 and \udfff' })).toBe('{"lone":"\\ud800 and \\udfff"}');
  });

  it('survives a toJSON that canonicalises something itself', () => {
    const inner = { z: 1, a: 2 };
    const sneaky = { toJSON: () => ({ nested: canonicalJson(inner), b: [1] }) };
    expect(canonicalJson({ x: sneaky, y: 'after' })).toBe('{"x":{"b":[1],"nested":"{\\"a\\":2,\\"z\\":1}"},"y":"after"}');
  });

  it('refuses what JSON has no form for: undefined alone, functions, symbols, bigints', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson([Symbol('s')])).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
