import { describe, expect, it } from 'vitest';
import { forAll } from '../testing/random';
import { ceilDiv, formatUsdc, parseUsdc } from './usdc';

describe('USDC amounts', () => {
  it('parses decimal strings into base units exactly', () => {
    expect(parseUsdc('12.5')).toBe(12_500_000n);
    expect(parseUsdc('0.000001')).toBe(1n);
    expect(parseUsdc('100000000000')).toBe(100_000_000_000_000_000n);
  });

  it('refuses more than six decimals, signs, exponents and junk', () => {
    for (const bad of ['1.0000001', '-1', '1e6', '', '.5', '01', '1.', ' 1']) expect(() => parseUsdc(bad)).toThrow(RangeError);
  });

  it('formats without trailing zeros and round-trips any amount', () => {
    expect(formatUsdc(12_500_000n)).toBe('12.5');
    expect(formatUsdc(1n)).toBe('0.000001');
    expect(formatUsdc(0n)).toBe('0');
    forAll((r) => BigInt(r.int(0, 2 ** 31)) * BigInt(r.int(1, 2 ** 20)), (units) => expect(parseUsdc(formatUsdc(units))).toBe(units));
  });

  it('rounds up in ceilDiv', () => {
    expect(ceilDiv(10n, 3n)).toBe(4n);
    expect(ceilDiv(9n, 3n)).toBe(3n);
    expect(ceilDiv(0n, 3n)).toBe(0n);
  });
});
