import { describe, expect, it } from 'vitest';
import { instTypeOf, isInsuredInstType } from './instrument';
import { openingOrderRefusal } from './opening-order';

describe('instTypeOf', () => {
  it.each([
    ['BTC-USDT-SWAP', 'SWAP'],
    ['BTC-USDT-261225', 'FUTURES'],
    ['ETH-USDT', 'MARGIN'],
    ['BTC-USD-261225-60000-C', null],
  ])('%s → %s', (instId, type) => {
    expect(instTypeOf(instId)).toBe(type);
  });

  it('insures SWAP, FUTURES and MARGIN only', () => {
    expect(['SWAP', 'FUTURES', 'MARGIN', 'SPOT', 'OPTION'].map(isInsuredInstType)).toEqual([true, true, true, false, false]);
  });
});

describe('openingOrderRefusal', () => {
  const order = { ordId: '1', category: 'normal', state: 'filled', side: 'buy', posSide: 'long', reduceOnly: 'false' };

  it('accepts opening orders on either side and in net mode', () => {
    expect(openingOrderRefusal(order)).toBeNull();
    expect(openingOrderRefusal({ ...order, side: 'sell', posSide: 'short' })).toBeNull();
    expect(openingOrderRefusal({ ...order, side: 'sell', posSide: 'net' })).toBeNull();
  });

  it('refuses liquidation orders, reduce-only orders, closes and unfilled orders', () => {
    expect(openingOrderRefusal({ ...order, category: 'full_liquidation', reduceOnly: 'true' })?.code).toBe('OKX_ORDER_NOT_OPENING');
    expect(openingOrderRefusal({ ...order, reduceOnly: 'true' })?.code).toBe('OKX_ORDER_NOT_OPENING');
    expect(openingOrderRefusal({ ...order, side: 'buy', posSide: 'short' })?.code).toBe('OKX_ORDER_NOT_OPENING');
    expect(openingOrderRefusal({ ...order, state: 'partially_filled' })?.code).toBe('OKX_ORDER_NOT_FILLED');
  });
});
