import { describe, expect, it } from 'vitest';
import { formatUsdc, parseUsdcBaseUnits, parseUsdcDecimal, showUsdcBaseUnits, showUsdcDecimal, usdcNumber } from './usdc';

describe('USDC amounts', () => {
  it('formats base units exactly, without trailing zeros, grouped', () => {
    expect(formatUsdc(12_500_000n)).toBe('12.5 USDC');
    expect(formatUsdc(0n)).toBe('0 USDC');
    expect(formatUsdc(1n)).toBe('0.000001 USDC');
    expect(formatUsdc(10_000_000_000n)).toBe('10,000 USDC');
    expect(formatUsdc(1_234_567_890_123_456n)).toBe('1,234,567,890.123456 USDC');
    expect(usdcNumber(-2_000_001n)).toBe('-2.000001');
  });

  it('keeps amounts beyond float precision exact', () => {
    // 2^53 + 1 base units: a float would round this.
    expect(usdcNumber(9_007_199_254_740_993n)).toBe('9,007,199,254.740993');
    expect(parseUsdcDecimal('9007199254.740993')).toBe(9_007_199_254_740_993n);
  });

  it('parses the API decimal form and round-trips', () => {
    expect(parseUsdcDecimal('12.5')).toBe(12_500_000n);
    expect(parseUsdcDecimal('0.000001')).toBe(1n);
    expect(parseUsdcDecimal('500')).toBe(500_000_000n);
    for (const text of ['0', '1', '0.1', '123.456789', '10000']) expect(usdcNumber(parseUsdcDecimal(text)).replace(/,/g, '')).toBe(text);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1.2345678', '1e6', '01', 'abc', '1.', '.5']) expect(() => parseUsdcDecimal(bad), bad).toThrow();
    for (const bad of ['1.5', '-3', '', '0x10']) expect(() => parseUsdcBaseUnits(bad), bad).toThrow();
  });

  it('shows absent and malformed values plainly', () => {
    expect(showUsdcDecimal(null)).toBe('—');
    expect(showUsdcDecimal('7.25')).toBe('7.25 USDC');
    expect(showUsdcDecimal('7,25')).toBe('7,25 (unreadable amount)');
    expect(showUsdcBaseUnits('500000000')).toBe('500 USDC');
  });
});
