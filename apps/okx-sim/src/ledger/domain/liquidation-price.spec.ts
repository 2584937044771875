import { describe, expect, it } from 'vitest';
import { isBeyondLiquidation, liquidationPrice } from './liquidation-price';

const base = { avgPx: 60000, lever: 10, mmr: 0.004, qty: 1 } as const;

describe('liquidationPrice', () => {
  it('isolated: equity equals maintenance margin at the liquidation price', () => {
    const long = liquidationPrice({ ...base, direction: 'long', mgnMode: 'isolated' })!;
    const short = liquidationPrice({ ...base, direction: 'short', mgnMode: 'isolated' })!;
    expect(long).toBeCloseTo(54216.87, 2);
    expect(short).toBeCloseTo(65737.05, 2);
    const margin = 60000 / 10;
    expect(margin + (long - 60000)).toBeCloseTo(0.004 * long, 6);
    expect(margin + (60000 - short)).toBeCloseTo(0.004 * short, 6);
  });

  it('higher leverage moves the liquidation price closer to entry', () => {
    const at = (lever: number) => liquidationPrice({ ...base, lever, direction: 'long', mgnMode: 'isolated' })!;
    expect(at(100)).toBeGreaterThan(at(20));
    expect(at(100)).toBeLessThan(60000);
  });

  it('cross: the collateral backs the position', () => {
    const long = liquidationPrice({ ...base, direction: 'long', mgnMode: 'cross', crossCollateral: 6000 })!;
    expect(6000 + (long - 60000)).toBeCloseTo(0.004 * long, 6);
    const short = liquidationPrice({ ...base, direction: 'short', mgnMode: 'cross', crossCollateral: 6000 })!;
    expect(6000 + (60000 - short)).toBeCloseTo(0.004 * short, 6);
  });

  it('a long that the collateral fully covers cannot be liquidated', () => {
    expect(liquidationPrice({ ...base, direction: 'long', mgnMode: 'cross', crossCollateral: 70000 })).toBeNull();
    expect(liquidationPrice({ ...base, lever: 1, direction: 'long', mgnMode: 'isolated' })).toBeNull();
  });
});

describe('isBeyondLiquidation', () => {
  it('compares from the position side', () => {
    expect(isBeyondLiquidation('long', 54000, 54216)).toBe(true);
    expect(isBeyondLiquidation('long', 55000, 54216)).toBe(false);
    expect(isBeyondLiquidation('short', 66000, 65737)).toBe(true);
    expect(isBeyondLiquidation('short', 66000, null)).toBe(false);
  });
});
