import { describe, expect, it } from 'vitest';
import type { VolatilityEstimate } from '../model/volatility';
import { forAll, type SeededRandom } from '../testing/random';
import { checkCapacity } from './capacity';
import { priceQuote, repriceFromInputs, type PricingRequest } from './price-quote';
import { DEFAULT_PRICING_CONFIG as config } from './pricing-config';

const vol = (annualized: number): VolatilityEstimate => ({ annualized, raw: annualized, bar: '1H', closes: ['1', '1'], fromTs: '0', toTs: '3600000' });

const request = (overrides: Partial<PricingRequest> = {}): PricingRequest => ({
  instId: 'BTC-USDT-SWAP',
  side: 'long',
  leverageHundredths: 1000,
  principalUsdc: 500_000_000n,
  coverageSeconds: 86_400,
  volatility: vol(0.6),
  ...overrides,
});

function priced(overrides: Partial<PricingRequest> = {}) {
  const result = priceQuote(request(overrides), config);
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result.value;
}

const randomRequest = (r: SeededRandom): PricingRequest =>
  request({
    side: r.pick(['long', 'short'] as const),
    leverageHundredths: r.int(100, 2500),
    principalUsdc: BigInt(r.int(10, 100_000)) * 1_000_000n + BigInt(r.int(0, 999_999)),
    coverageSeconds: r.int(3600, 30 * 86_400),
    volatility: vol(0.2 + r.next() * 1.5),
  });

describe('priceQuote', () => {
  it('prices payout × p × (1 + load) + fee, rounded up to a base unit', () => {
    const quote = priced({ leverageHundredths: 2000 });
    expect(quote.payoutUsdc).toBe(400_000_000n);
    expect(quote.payoutCapUsdc).toBe(500_000_000n);
    const expectedLoss = (quote.payoutUsdc * quote.probabilityPpb + 999_999_999n) / 1_000_000_000n;
    const loaded = (expectedLoss * 12_500n + 9_999n) / 10_000n;
    expect(quote.premiumUsdc).toBe(loaded + 500_000n);
    expect(quote.probability).toBeGreaterThan(0.05);
    expect(quote.probability).toBeLessThan(0.3);
    expect(quote.inputs.modelVersion).toBe('liq-barrier-v1');
  });

  it('uses the position’s own liquidation price when OKX shows one', () => {
    const near = priced({ position: { markPx: '60000', liqPx: '57000' } });
    const far = priced({ position: { markPx: '60000', liqPx: '50000' } });
    expect(near.inputs.distanceSource).toBe('position');
    expect(near.premiumUsdc).toBeGreaterThan(far.premiumUsdc);
    expect(priced({ position: { markPx: '60000', liqPx: null } }).inputs.distanceSource).toBe('estimated');
  });

  it('never charges less than the floor', () => {
    const quote = priced({ leverageHundredths: 100, coverageSeconds: 3600, volatility: vol(0.2), principalUsdc: 10_000_000n });
    expect(quote.premiumUsdc).toBe(config.minPremiumUsdc);
  });

  it.each([
    ['an instrument not insured', { instId: 'DOGE-USDT-SWAP' }, 'INSTRUMENT_NOT_INSURED'],
    ['leverage below the minimum', { leverageHundredths: 50 }, 'LEVERAGE_OUT_OF_RANGE'],
    ['leverage above the maximum', { leverageHundredths: 10_001 }, 'LEVERAGE_OUT_OF_RANGE'],
    ['principal below the minimum', { principalUsdc: 9_999_999n }, 'PRINCIPAL_OUT_OF_RANGE'],
    ['principal above the maximum', { principalUsdc: 100_000_000_001n }, 'PRINCIPAL_OUT_OF_RANGE'],
    ['coverage too short', { coverageSeconds: 3599 }, 'COVERAGE_OUT_OF_RANGE'],
    ['coverage too long', { coverageSeconds: 30 * 86_400 + 1 }, 'COVERAGE_OUT_OF_RANGE'],
    ['a position next to its liquidation price', { position: { markPx: '60000', liqPx: '59990' } }, 'TOO_CLOSE_TO_LIQUIDATION'],
    ['no volatility estimate', { volatility: null }, 'VOLATILITY_UNAVAILABLE'],
  ] as const)('refuses %s', (_name, overrides, rule) => {
    const result = priceQuote(request(overrides as Partial<PricingRequest>), config);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.refusal.rule).toBe(rule);
      expect(result.refusal.code).toBe(rule === 'VOLATILITY_UNAVAILABLE' ? 'OKX_UNAVAILABLE' : rule === 'TOO_CLOSE_TO_LIQUIDATION' ? rule : 'VALIDATION_FAILED');
    }
  });

  it('refuses a payout outside its limits', () => {
    const result = priceQuote(request({ principalUsdc: 70_000_000_000n }), config);
    expect(!result.ok && result.refusal.rule).toBe('PAYOUT_OUT_OF_RANGE');
  });

  it('is monotone in leverage and coverage time, and integral in base units (property)', () => {
    forAll(randomRequest, (base) => {
      const quote = priceQuote(base, config);
      if (!quote.ok) return;
      const q = quote.value;
      expect(typeof q.premiumUsdc).toBe('bigint');
      expect(q.premiumUsdc).toBeGreaterThanOrEqual(config.minPremiumUsdc);
      expect(q.payoutUsdc).toBeLessThanOrEqual(q.payoutCapUsdc);
      const higherLev = priceQuote({ ...base, leverageHundredths: base.leverageHundredths + 100 }, config);
      if (higherLev.ok) expect(higherLev.value.premiumUsdc).toBeGreaterThanOrEqual(q.premiumUsdc);
      const longer = priceQuote({ ...base, coverageSeconds: Math.min(base.coverageSeconds + 3600, config.maxCoverageSeconds) }, config);
      if (longer.ok) expect(longer.value.premiumUsdc).toBeGreaterThanOrEqual(q.premiumUsdc);
    });
  });

  it('re-derives exactly the same premium from the recorded inputs, after a JSON round trip (property)', () => {
    forAll(randomRequest, (base) => {
      const quote = priceQuote(base, config);
      if (!quote.ok) return;
      const again = repriceFromInputs(JSON.parse(JSON.stringify(quote.value.inputs)));
      expect(again.premiumUsdc).toBe(quote.value.premiumUsdc);
      expect(again.payoutUsdc).toBe(quote.value.payoutUsdc);
      expect(again.payoutCapUsdc).toBe(quote.value.payoutCapUsdc);
    });
  });

  it('prices long and short the same at the same distance (driftless model)', () => {
    expect(priced({ side: 'long', position: { markPx: '100', liqPx: '90' } }).premiumUsdc).toBe(
      priced({ side: 'short', position: { markPx: '90', liqPx: '100' } }).premiumUsdc,
    );
  });
});

describe('checkCapacity', () => {
  const check = { instId: 'BTC-USDT-SWAP', payoutCapUsdc: 100n, instrumentExposureUsdc: 0n, totalExposureUsdc: 0n, capitalUsdc: 1000n, instrumentLimitBps: 2500, totalLimitBps: 10_000 };

  it('accepts up to each limit, inclusive', () => {
    expect(checkCapacity({ ...check, instrumentExposureUsdc: 150n }).ok).toBe(true);
    expect(checkCapacity({ ...check, instrumentExposureUsdc: 151n }).ok).toBe(false);
  });

  it('refuses with CAPACITY_EXCEEDED per instrument and in total', () => {
    const perInstrument = checkCapacity({ ...check, instrumentExposureUsdc: 200n });
    expect(!perInstrument.ok && [perInstrument.refusal.code, perInstrument.refusal.rule]).toEqual(['CAPACITY_EXCEEDED', 'INSTRUMENT_CAPACITY']);
    const total = checkCapacity({ ...check, totalExposureUsdc: 950n });
    expect(!total.ok && [total.refusal.code, total.refusal.rule]).toEqual(['CAPACITY_EXCEEDED', 'TOTAL_CAPACITY']);
    expect(checkCapacity({ ...check, capitalUsdc: 0n }).ok).toBe(false);
  });
});
