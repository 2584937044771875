import { describe, expect, it } from 'vitest';
import { orderIdFor, purchaseOrderIdOf } from './order-id';
import { QuoteTermsError, termsFromPosition, termsWithoutPosition, usdcFromOkx } from './quote-terms';

const position = { posId: '777', posSide: 'long', mgnMode: 'isolated', lever: '20', pos: '2', markPx: '60000', liqPx: '57142.9', margin: '60.123456789' };
const ask = { instId: 'BTC-USDT-SWAP', posId: '777', coverageSeconds: 86_400 };

describe('quote terms', () => {
  it('takes side, leverage, margin and prices from the position', () => {
    const terms = termsFromPosition(ask, position);
    expect(terms).toMatchObject({ side: 'long', leverageHundredths: 2000, principalUsdc: 60_123_456n, prices: { markPx: '60000', liqPx: '57142.9' } });
    expect(terms.position).toEqual({ posId: '777', posSide: 'long', mgnMode: 'isolated', lever: '20' });
  });

  it('reads a net position’s side from the sign of pos and insures less when asked', () => {
    expect(termsFromPosition({ ...ask, principalUsdc: '25.5' }, { ...position, posSide: 'net', pos: '-3' })).toMatchObject({ side: 'short', principalUsdc: 25_500_000n });
  });

  it('refuses a leverage that is not the position’s, a position without margin, and no liqPx becomes null', () => {
    expect(() => termsFromPosition({ ...ask, leverage: 10 }, position)).toThrow(QuoteTermsError);
    expect(() => termsFromPosition(ask, { ...position, margin: '' })).toThrow(/principalUsdc/);
    expect(termsFromPosition(ask, { ...position, liqPx: '' }).prices?.liqPx).toBeNull();
  });

  it('needs leverage and principal without a position', () => {
    expect(() => termsWithoutPosition({ instId: 'BTC-USDT-SWAP', coverageSeconds: 3600, leverage: 10 })).toThrow(QuoteTermsError);
    expect(termsWithoutPosition({ instId: 'BTC-USDT-SWAP', coverageSeconds: 3600, leverage: 2.5, principalUsdc: '100' })).toMatchObject({ leverageHundredths: 250, principalUsdc: 100_000_000n, position: null });
  });

  it('truncates OKX margins to base units', () => {
    expect(usdcFromOkx('1.9999999')).toBe(1_999_999n);
    expect(usdcFromOkx('12')).toBe(12_000_000n);
    expect(usdcFromOkx('')).toBeNull();
  });

  it('derives the on-chain order id from the purchase order id and back', () => {
    const id = '0195f0e8-1234-7abc-8def-0123456789ab';
    expect(orderIdFor(id)).toBe(`0x${'0'.repeat(32)}0195f0e812347abc8def0123456789ab`);
    expect(purchaseOrderIdOf(orderIdFor(id))).toBe(id);
    expect(purchaseOrderIdOf(`0x${'1'.repeat(64)}`)).toBeNull();
  });
});
