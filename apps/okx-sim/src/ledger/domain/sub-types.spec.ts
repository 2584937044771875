import { describe, expect, it } from 'vitest';
import { billTypeOf, categoryOf, subTypeOf } from './sub-types';

describe('OKX trade codes', () => {
  it('names liquidation sub-types as OKX.md lists them (100–107)', () => {
    expect(subTypeOf('partial_liquidation', 'long', 'sell')).toBe('100');
    expect(subTypeOf('partial_liquidation', 'short', 'buy')).toBe('101');
    expect(subTypeOf('partial_liquidation', 'net', 'buy')).toBe('102');
    expect(subTypeOf('partial_liquidation', 'net', 'sell')).toBe('103');
    expect(subTypeOf('full_liquidation', 'long', 'sell')).toBe('104');
    expect(subTypeOf('full_liquidation', 'short', 'buy')).toBe('105');
    expect(subTypeOf('full_liquidation', 'net', 'buy')).toBe('106');
    expect(subTypeOf('full_liquidation', 'net', 'sell')).toBe('107');
  });

  it('names ADL 125–128 and bill types 2/5/9', () => {
    expect([subTypeOf('adl', 'long', 'sell'), subTypeOf('adl', 'short', 'buy'), subTypeOf('adl', 'net', 'buy'), subTypeOf('adl', 'net', 'sell')]).toEqual([
      '125',
      '126',
      '127',
      '128',
    ]);
    expect([billTypeOf('open'), billTypeOf('manual'), billTypeOf('full_liquidation'), billTypeOf('partial_liquidation'), billTypeOf('adl')]).toEqual([
      '2',
      '2',
      '5',
      '5',
      '9',
    ]);
  });

  it('keeps liquidation categories distinct from manual trades', () => {
    expect(categoryOf('manual')).toBe('normal');
    expect(categoryOf('full_liquidation')).toBe('full_liquidation');
    expect(categoryOf('adl')).toBe('adl');
  });
});
