import { describe, expect, it } from 'vitest';
import { BARS, syntheticCandles } from './candles';

const base = { seed: 'BTC-USDT-SWAP', markPx: 60000, nowMs: Date.UTC(2024, 4, 1, 12, 0, 30), barMs: BARS['1m'], annualVol: 0.6, limit: 100, priceDp: 1 };

describe('syntheticCandles', () => {
  it('returns newest first, ending at the mark price, with only the current bar unconfirmed', () => {
    const rows = syntheticCandles(base);
    expect(rows).toHaveLength(100);
    expect(rows[0][0]).toBe(String(Date.UTC(2024, 4, 1, 12, 0)));
    expect(rows[0][4]).toBe('60000');
    expect(rows[0][8]).toBe('0');
    expect(rows.slice(1).every((row) => row[8] === '1')).toBe(true);
    expect(Number(rows[1][0])).toBe(Number(rows[0][0]) - 60_000);
    for (const row of rows) {
      expect(row.every((cell) => typeof cell === 'string')).toBe(true);
      expect(Number(row[2])).toBeGreaterThanOrEqual(Math.max(Number(row[1]), Number(row[4])));
      expect(Number(row[3])).toBeLessThanOrEqual(Math.min(Number(row[1]), Number(row[4])));
    }
  });

  it('is stable between calls and continues with after', () => {
    const first = syntheticCandles(base);
    expect(syntheticCandles(base)).toEqual(first);
    const older = syntheticCandles({ ...base, afterMs: Number(first[49][0]), limit: 10 });
    expect(older[0]).toEqual(first[50]);
  });

  it('shows the instrument volatility in its log-returns', () => {
    const rows = syntheticCandles({ ...base, limit: 3000, barMs: BARS['1H'] });
    const returns = rows.map((row) => Math.log(Number(row[4]) / Number(row[1])));
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1);
    const annualised = Math.sqrt(variance * 24 * 365);
    expect(annualised).toBeGreaterThan(0.5);
    expect(annualised).toBeLessThan(0.7);
  });
});
