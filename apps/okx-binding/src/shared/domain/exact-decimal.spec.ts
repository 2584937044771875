import { describe, expect, it } from 'vitest';
import { abs, compareDecimal, decimalsEqual, formatDecimal, multiplyByInt, parseDecimal, subtract } from './exact-decimal';

const d = (text: string) => parseDecimal(text)!;

describe('exact decimals', () => {
  it('parses OKX strings and refuses anything else', () => {
    expect(parseDecimal('60123.45')).toEqual({ units: 6012345n, scale: 2 });
    expect(parseDecimal('-2')).toEqual({ units: -2n, scale: 0 });
    for (const bad of ['', '1e5', '.5', '1.', 'abc', '1,5']) expect(parseDecimal(bad)).toBeNull();
  });

  it('compares across scales exactly', () => {
    expect(decimalsEqual('100', '100.0')).toBe(true);
    expect(decimalsEqual('20', '20.5')).toBe(false);
    expect(decimalsEqual('x', 'x')).toBe(false);
    expect(compareDecimal(d('0.1'), d('0.09999999999999999999'))).toBe(1);
    expect(compareDecimal(d('-1'), d('0'))).toBe(-1);
  });

  it('subtracts, scales and formats', () => {
    expect(formatDecimal(subtract(d('60000'), d('57142.86')))).toBe('2857.14');
    expect(formatDecimal(multiplyByInt(d('1.25'), 10_000))).toBe('12500');
    expect(formatDecimal(abs(d('-3.500')))).toBe('3.5');
    expect(formatDecimal(d('0.000'))).toBe('0');
    expect(formatDecimal(d('-0.05'))).toBe('-0.05');
  });
});
