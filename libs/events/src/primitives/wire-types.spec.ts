import { describe, expect, it } from 'vitest';
import { baseUnits, decimalString, isoTimestamp, traceToken, txHash } from './wire-types';

describe('wire types', () => {
  it('takes amounts only as decimal strings of base units', () => {
    for (const ok of ['0', '1', '1000000', '340282366920938463463374607431768211455']) expect(baseUnits.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['01', '-1', '1.5', '1e6', '', ' 1', 1000000, null]) expect(baseUnits.safeParse(bad).success, String(bad)).toBe(false);
  });

  it('keeps OKX decimals exact as strings', () => {
    expect(decimalString.safeParse('91234.5').success).toBe(true);
    expect(decimalString.safeParse('-0.25').success).toBe(true);
    expect(decimalString.safeParse('1.').success).toBe(false);
    expect(decimalString.safeParse(91234.5).success).toBe(false);
  });

  it('checks tx hashes, timestamps and trace tokens', () => {
    expect(txHash.safeParse(`0x${'ab'.repeat(32)}`).success).toBe(true);
    expect(txHash.safeParse(`0x${'ab'.repeat(31)}`).success).toBe(false);
    expect(isoTimestamp.safeParse('2025-11-27T10:00:00.000Z').success).toBe(true);
    expect(isoTimestamp.safeParse('2025-11-27T10:00:00+02:00').success).toBe(true);
    expect(isoTimestamp.safeParse('27/11/2025').success).toBe(false);
    expect(traceToken.safeParse('req-123:abc').success).toBe(true);
    expect(traceToken.safeParse('has space').success).toBe(false);
  });
});
