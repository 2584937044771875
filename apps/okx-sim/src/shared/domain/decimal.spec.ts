import { describe, expect, it } from 'vitest';
import { fmt, parsePositiveDecimal } from './decimal';

describe('fmt', () => {
  it('renders numbers the way OKX strings read', () => {
    expect(fmt(60000)).toBe('60000');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(-1.5)).toBe('-1.5');
    expect(fmt(-0.000000001)).toBe('0');
    expect(fmt(1.23456, 2)).toBe('1.23');
  });

  it('refuses values that are not numbers', () => {
    expect(() => fmt(Number.NaN)).toThrow(RangeError);
  });
});

describe('parsePositiveDecimal', () => {
  it('accepts plain positive decimals only', () => {
    expect(parsePositiveDecimal('12.5')).toBe(12.5);
    expect(parsePositiveDecimal(3)).toBe(3);
    for (const bad of ['0', '-1', '1e3', 'abc', '', undefined]) expect(parsePositiveDecimal(bad)).toBeNull();
  });
});
