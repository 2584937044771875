import { describe, expect, it } from 'vitest';
import { forAll } from '../testing/random';
import { estimatedLiquidationDistance, liquidationDistance, touchProbability } from './barrier';
import { normalCdf } from './normal';
import { annualizedStdev, volatilityFromCandles } from './volatility';

describe('normal CDF', () => {
  it('matches reference values to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980, 7);
  });
});

describe('barrier touch probability', () => {
  it('is 2·Φ(−d/σ√T): one standard deviation away touches 31.7 % of the time', () => {
    const year = 365 * 86_400;
    expect(touchProbability(0.5, 0.5, year)).toBeCloseTo(2 * (1 - 0.8413447461), 6);
  });

  it('is certain at or past the liquidation price and impossible with no volatility', () => {
    expect(touchProbability(0, 0.6, 86_400)).toBe(1);
    expect(touchProbability(0.1, 0, 86_400)).toBe(0);
    expect(liquidationDistance(100, 101, 'long')).toBe(0);
    expect(liquidationDistance(100, 99, 'short')).toBe(0);
  });

  it('measures the distance on the side that liquidates', () => {
    expect(liquidationDistance(100, 90, 'long')).toBeCloseTo(Math.log(100 / 90), 12);
    expect(liquidationDistance(100, 110, 'short')).toBeCloseTo(Math.log(110 / 100), 12);
    expect(estimatedLiquidationDistance(10, 0.005, 'long')).toBeCloseTo(-Math.log(1 - 0.095), 12);
    expect(estimatedLiquidationDistance(10, 0.005, 'short')).toBeCloseTo(Math.log(1.095), 12);
    expect(estimatedLiquidationDistance(200, 0.005, 'long')).toBe(0);
  });

  it('grows with time and volatility and shrinks with distance (property)', () => {
    forAll(
      (r) => ({ d: 0.001 + r.next() * 0.5, vol: 0.05 + r.next() * 2, t: r.int(60, 90 * 86_400), k: 1.01 + r.next() }),
      ({ d, vol, t, k }) => {
        const p = touchProbability(d, vol, t);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(touchProbability(d, vol, Math.round(t * k))).toBeGreaterThanOrEqual(p);
        expect(touchProbability(d, vol * k, t)).toBeGreaterThanOrEqual(p);
        expect(touchProbability(d * k, vol, t)).toBeLessThanOrEqual(p);
      },
    );
  });
});

describe('volatility from candles', () => {
  const rows = (closes: number[], barMs = 3_600_000) => closes.map((c, i) => [String((i + 1) * barMs), '', '', '', String(c)]).reverse();

  it('annualises the sample standard deviation of log returns, oldest to newest whatever the row order', () => {
    const closes = [100, 101, 99, 102, 100, 103, 101, 104, 102, 105, 103];
    const estimate = volatilityFromCandles(rows(closes), '1H', { floor: 0, cap: 100 })!;
    const returns = closes.slice(1).map((c, i) => Math.log(c / closes[i]!));
    expect(estimate.raw).toBeCloseTo(annualizedStdev(returns, 3600), 12);
    expect(estimate.closes).toEqual(closes.map(String));
    expect(Number(estimate.fromTs)).toBeLessThan(Number(estimate.toTs));
  });

  it('keeps the estimate within floor and cap, and gives none for too few candles', () => {
    expect(volatilityFromCandles(rows(Array(20).fill(100)), '1H', { floor: 0.2, cap: 3 })!.annualized).toBe(0.2);
    expect(volatilityFromCandles(rows([100, 200, 50, 400, 25, 300, 10, 500, 20, 400, 30]), '1H', { floor: 0.2, cap: 3 })!.annualized).toBe(3);
    expect(volatilityFromCandles(rows([100, 101, 102]), '1H', { floor: 0.2, cap: 3 })).toBeNull();
  });

  it('recovers the simulator’s volatility from a long walk', () => {
    let close = 100;
    const closes: number[] = [];
    let seed = 1;
    const uniform = () => ((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647);
    const sigma = 0.6 * Math.sqrt(3600 / (365 * 86_400));
    for (let i = 0; i < 5000; i += 1) {
      close *= Math.exp(sigma * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
      closes.push(close);
    }
    expect(volatilityFromCandles(rows(closes), '1H', { floor: 0, cap: 10 })!.annualized).toBeCloseTo(0.6, 1);
  });
});
