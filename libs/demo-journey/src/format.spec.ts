import { describe, expect, it } from 'vitest';
import { compactBody, formatDuration, formatUsdc, shortHex, stepLine } from './format';

describe('format', () => {
  it('durations: two decimals under 10 s, one under a minute, minutes beyond', () => {
    expect(formatDuration(0)).toBe('0.00 s');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(65_400)).toBe('1 min 05 s');
  });

  it('USDC base units exactly, without trailing zeros', () => {
    expect(formatUsdc(0n)).toBe('0 USDC');
    expect(formatUsdc(12_500_000n)).toBe('12.5 USDC');
    expect(formatUsdc(1n)).toBe('0.000001 USDC');
    expect(formatUsdc(10_000_000_000n)).toBe('10000 USDC');
    expect(formatUsdc(-2_000_001n)).toBe('-2.000001 USDC');
    expect(formatUsdc(123_456_789_012_345_678n)).toBe('123456789012.345678 USDC');
  });

  it('shortens hashes and addresses only', () => {
    expect(shortHex(`0x${'ab'.repeat(32)}`)).toBe('0xabab…abab');
    expect(shortHex('0x12')).toBe('0x12');
    expect(shortHex('PAID')).toBe('PAID');
  });

  it('a step line carries number, title, duration and time since the start', () => {
    const line = stepLine(3, 'quote (POST /quote)', 420, 5_100);
    expect(line).toMatch(/^ 3\. quote \(POST \/quote\) \.+ +0\.42 s {2}\(at 5\.10 s\)$/);
    expect(stepLine(12, 'x'.repeat(80), 1, 1)).toContain('x'.repeat(80) + ' ..');
  });

  it('cuts long bodies', () => {
    expect(compactBody({ a: 1 })).toBe('{"a":1}');
    expect(compactBody('y'.repeat(700), 10)).toBe(`${'y'.repeat(10)}…`);
  });
});
