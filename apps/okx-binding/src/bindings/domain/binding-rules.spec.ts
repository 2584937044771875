import { describe, expect, it } from 'vitest';
import { checkOpeningOrder, checkPosition, POSITION_OPEN_TOLERANCE_MS, type OrderFacts, type PositionFacts } from './binding-rules';
import { okxMetaOf } from './okx-meta';
import type { QuoteTerms } from './quote-terms';

const terms: QuoteTerms = { instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', lever: '20' };
const order: OrderFacts = {
  ordId: '1001',
  instId: 'BTC-USDT-SWAP',
  category: 'normal',
  state: 'filled',
  side: 'buy',
  posSide: 'long',
  tdMode: 'isolated',
  reduceOnly: 'false',
  fillTime: '1700000000000',
  uTime: '1700000000000',
};
const position: PositionFacts = {
  posId: '2002',
  instId: 'BTC-USDT-SWAP',
  posSide: 'long',
  mgnMode: 'isolated',
  pos: '3',
  lever: '20',
  markPx: '60000',
  liqPx: '57142.9',
  cTime: '1700000000000',
};
const check = (over: { order?: Partial<OrderFacts>; positions?: PositionFacts[]; terms?: Partial<QuoteTerms>; minLiqDistanceBps?: number } = {}) =>
  checkPosition({
    order: { ...order, ...over.order },
    positions: over.positions ?? [position],
    terms: { ...terms, ...over.terms },
    minLiqDistanceBps: over.minLiqDistanceBps ?? 50,
  });

describe('checkOpeningOrder', () => {
  it('accepts a filled normal order that opened the quoted side', () => {
    expect(checkOpeningOrder(order, terms)).toBeNull();
  });

  it.each(['full_liquidation', 'partial_liquidation', 'adl', 'twap', 'delivery', 'auto_conversion'])('refuses category %s: OKX_ORDER_NOT_OPENING', (category) => {
    expect(checkOpeningOrder({ ...order, category }, terms)?.code).toBe('OKX_ORDER_NOT_OPENING');
  });

  it('refuses a reduce-only order: OKX_ORDER_NOT_OPENING', () => {
    expect(checkOpeningOrder({ ...order, reduceOnly: 'true' }, terms)).toMatchObject({ code: 'OKX_ORDER_NOT_OPENING', message: expect.stringContaining('reduce-only') });
  });

  it('refuses a close in long/short mode (sell on the long side): OKX_ORDER_NOT_OPENING', () => {
    expect(checkOpeningOrder({ ...order, side: 'sell' }, terms)?.code).toBe('OKX_ORDER_NOT_OPENING');
  });

  it.each(['live', 'partially_filled', 'canceled', 'mmp_canceled'])('refuses a %s order: OKX_ORDER_NOT_FILLED', (state) => {
    expect(checkOpeningOrder({ ...order, state }, terms)?.code).toBe('OKX_ORDER_NOT_FILLED');
  });

  it('refuses an order on another instrument, side or margin mode than quoted: OKX_ORDER_MISMATCH', () => {
    expect(checkOpeningOrder(order, { ...terms, instId: 'ETH-USDT-SWAP' })).toMatchObject({ code: 'OKX_ORDER_MISMATCH', message: expect.stringContaining('instrument') });
    expect(checkOpeningOrder({ ...order, side: 'sell', posSide: 'short' }, terms)).toMatchObject({ code: 'OKX_ORDER_MISMATCH', message: expect.stringContaining('side short') });
    expect(checkOpeningOrder({ ...order, tdMode: 'cross' }, terms)).toMatchObject({ code: 'OKX_ORDER_MISMATCH', message: expect.stringContaining('margin mode') });
  });
});

describe('checkPosition', () => {
  it('accepts the open position with its liquidation price', () => {
    expect(check()).toEqual({ ok: true, position, liqPx: '57142.9' });
  });

  it('refuses when no position is open for the order: OKX_POSITION_NOT_OPEN', () => {
    expect(check({ positions: [] })).toMatchObject({ ok: false, refusal: { code: 'OKX_POSITION_NOT_OPEN' } });
    expect(check({ positions: [{ ...position, pos: '0' }] })).toMatchObject({ ok: false, refusal: { code: 'OKX_POSITION_NOT_OPEN' } });
    expect(check({ positions: [{ ...position, mgnMode: 'cross' }] })).toMatchObject({ ok: false, refusal: { code: 'OKX_POSITION_NOT_OPEN' } });
  });

  it('refuses an order from an earlier, closed position on the same posId: OKX_POSITION_NOT_OPEN', () => {
    const reopened = { ...position, cTime: String(1700000000000 + POSITION_OPEN_TOLERANCE_MS + 1) };
    expect(check({ positions: [reopened] })).toMatchObject({ ok: false, refusal: { code: 'OKX_POSITION_NOT_OPEN' } });
    const moments = { ...position, cTime: String(1700000000000 + 500) };
    expect(check({ positions: [moments] }).ok).toBe(true);
  });

  it('refuses another leverage than quoted, compared as numbers: OKX_ORDER_MISMATCH', () => {
    expect(check({ terms: { lever: '10' } })).toMatchObject({ ok: false, refusal: { code: 'OKX_ORDER_MISMATCH', message: expect.stringContaining('leverage 20') } });
    expect(check({ terms: { lever: '20.0' } }).ok).toBe(true);
  });

  it('refuses a position closer to liquidation than the minimum: TOO_CLOSE_TO_LIQUIDATION', () => {
    // 60000 − 57142.9 = 2857.1 = 476.18 bp of the mark.
    expect(check({ minLiqDistanceBps: 476 }).ok).toBe(true);
    expect(check({ minLiqDistanceBps: 477 })).toMatchObject({ ok: false, refusal: { code: 'TOO_CLOSE_TO_LIQUIDATION' } });
  });

  it('refuses a position already past its liquidation price', () => {
    expect(check({ positions: [{ ...position, markPx: '57000' }], minLiqDistanceBps: 0 })).toMatchObject({ ok: false, refusal: { code: 'TOO_CLOSE_TO_LIQUIDATION' } });
  });

  it('measures shorts on the other side', () => {
    const short = { ...position, posSide: 'short', liqPx: '62500', markPx: '60000' };
    const shortOrder = { order: { side: 'sell', posSide: 'short' }, terms: { posSide: 'short' as const }, positions: [short] };
    expect(check({ ...shortOrder, minLiqDistanceBps: 416 }).ok).toBe(true);
    expect(check({ ...shortOrder, minLiqDistanceBps: 417 })).toMatchObject({ ok: false, refusal: { code: 'TOO_CLOSE_TO_LIQUIDATION' } });
  });

  it('accepts a position OKX cannot liquidate (no liquidation price), recording none', () => {
    expect(check({ positions: [{ ...position, liqPx: '' }] })).toEqual({ ok: true, position: { ...position, liqPx: '' }, liqPx: null });
  });

  it('in net mode, refuses an order against the open direction: OKX_ORDER_NOT_OPENING', () => {
    const net = { ...position, posSide: 'net', pos: '-3', liqPx: '63000' };
    const netTerms = { posSide: 'net' as const };
    expect(check({ order: { posSide: 'net', side: 'buy' }, positions: [net], terms: netTerms })).toMatchObject({ ok: false, refusal: { code: 'OKX_ORDER_NOT_OPENING' } });
    expect(check({ order: { posSide: 'net', side: 'sell' }, positions: [net], terms: netTerms }).ok).toBe(true);
  });
});

describe('okxMetaOf', () => {
  it('records the position, not only the order: posId + cTime identify it', () => {
    const meta = okxMetaOf(order, { ...position, posSide: 'net', pos: '-3' }, '57142.9', '44705892343619584', new Date('2025-01-02T03:04:05.000Z'));
    expect(meta).toEqual({
      ordId: '1001',
      instId: 'BTC-USDT-SWAP',
      posId: '2002',
      posCTime: '1700000000000',
      posSide: 'net',
      mgnMode: 'isolated',
      lever: '20',
      okxUid: '44705892343619584',
      liqPxAtBind: '57142.9',
      posSzAtBind: '3',
      boundAt: '2025-01-02T03:04:05.000Z',
    });
  });
});
