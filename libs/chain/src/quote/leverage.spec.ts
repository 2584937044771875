import { describe, expect, it } from 'vitest';
import { formatLeverage, leverageFromOkx } from './leverage';

describe('leverage in hundredths', () => {
  it.each([
    ['10', 1000n],
    ['100.0', 10000n],
    ['2.5', 250n],
    ['2.55', 255n],
    ['0.01', 1n],
    ['125', 12500n],
  ])('reads OKX lever %s as %s', (lever, units) => {
    expect(leverageFromOkx(lever)).toBe(units);
    expect(leverageFromOkx(formatLeverage(units))).toBe(units);
  });

  it('formats without trailing zeros', () => {
    expect(formatLeverage(1000n)).toBe('10');
    expect(formatLeverage(250n)).toBe('2.5');
    expect(formatLeverage(1n)).toBe('0.01');
  });

  it.each(['', 'x', '-3', '1.234', '1e3'])('refuses %j', (lever) => {
    expect(() => leverageFromOkx(lever)).toThrow();
  });
});
